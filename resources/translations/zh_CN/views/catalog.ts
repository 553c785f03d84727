<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export products</source>
        <translation>导出商品</translation>
    </message>
    <message>
        <source>ecdesk template: every field, the stock and the listings on each channel</source>
        <translation>ecdesk 模板：所有字段、库存及各渠道的宝贝</translation>
    </message>
    <message>
        <source>Shopify product CSV: to upload to a Shopify store, with the stock</source>
        <translation>Shopify 商品 CSV：用于上传到 Shopify 店铺，含库存</translation>
    </message>
    <message>
        <source>CSV (fast, opens anywhere)</source>
        <translation>CSV（快，到处都能打开）</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx, slower for big shops)</source>
        <translation>Excel 工作簿（.xlsx，大店铺较慢）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>文件类型</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>Export products to</source>
        <translation>导出商品到</translation>
    </message>
    <message>
        <source>CSV (*.csv);;Excel workbook (*.xlsx)</source>
        <translation>CSV (*.csv);;Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Choose where to save the file.</source>
        <translation>请选择文件保存位置。</translation>
    </message>
    <message>
        <source>The file name must end in .csv or .xlsx.</source>
        <translation>文件名必须以 .csv 或 .xlsx 结尾。</translation>
    </message>
    <message>
        <source>There is no folder %s.</source>
        <translation>文件夹 %s 不存在。</translation>
    </message>
    <message>
        <source>%s is a folder: add a file name.</source>
        <translation>%s 是文件夹：请加上文件名。</translation>
    </message>
    <message>
        <source>%s exists and will be replaced.</source>
        <translation>%s 已存在，将被替换。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Exported %s products (%s rows) to %s</source>
        <translation>已导出 %s 个商品（%s 行）到 %s</translation>
    </message>
    <message numerus="yes">
        <source>%n cell(s) were too long for Excel and were cut:</source>
        <translation>
            <numerusform>%n 个单元格超出 Excel 上限，已被截断：</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was exported: %s</source>
        <translation>未导出任何内容：%s</translation>
    </message>
    <message>
        <source>The export was cancelled: no file was written.</source>
        <translation>导出已取消：未写入任何文件。</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>A product export from Shopify, WooCommerce, Taobao/Tmall or ecdesk&apos;s template, as CSV or XLSX.</source>
        <translation>Shopify、WooCommerce、淘宝/天猫导出的商品文件或 ecdesk 模板，CSV 或 XLSX 格式。</translation>
    </message>
    <message>
        <source>Product files (*.csv *.xlsx *.txt *.tsv);;All files (*)</source>
        <translation>商品文件 (*.csv *.xlsx *.txt *.tsv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose the right columns on the next page.</source>
        <translation>请在下一页选择正确的列。</translation>
    </message>
    <message>
        <source>%d columns, %s rows, %s products</source>
        <translation>%d 列，%s 行，%s 个商品</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>SKUs</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Listings</source>
        <translation>宝贝</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import products</source>
        <translation>导入商品</translation>
    </message>
</context>
<context>
    <name>ListingsPage</name>
    <message>
        <source>Not archived</source>
        <translation>未归档</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在售</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>on</source>
        <translation>在</translation>
    </message>
    <message>
        <source>listed on</source>
        <translation>在售于</translation>
    </message>
    <message>
        <source>paused on</source>
        <translation>暂停于</translation>
    </message>
    <message>
        <source>unlisted on</source>
        <translation>已下架于</translation>
    </message>
    <message>
        <source>not listed on</source>
        <translation>未上架于</translation>
    </message>
    <message>
        <source>Search title, SKU, barcode, item id…</source>
        <translation>搜索标题、SKU、条形码、商品 ID…</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>新建商品</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Bulk actions</source>
        <translation>批量操作</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类目</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类目</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message numerus="yes">
        <source>%n SKU(s)</source>
        <translation>
            <numerusform>%n 个 SKU</numerusform>
        </translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>正在计数…</translation>
    </message>
    <message>
        <source>Archive products</source>
        <translation>归档商品</translation>
    </message>
    <message numerus="yes">
        <source>Archive %n product(s)? They are hidden from the table but kept, and can be set active again from the Archived filter.</source>
        <translation>
            <numerusform>归档 %n 个商品？它们会从表中隐藏但仍保留，可在“已归档”筛选中重新设为在售。</numerusform>
        </translation>
    </message>
    <message>
        <source>Select rows first</source>
        <translation>请先选择行</translation>
    </message>
    <message>
        <source>Set product status</source>
        <translation>设置商品状态</translation>
    </message>
    <message>
        <source>On %s</source>
        <translation>%s 上</translation>
    </message>
    <message>
        <source>Add tag…</source>
        <translation>添加标签…</translation>
    </message>
    <message numerus="yes">
        <source>Archive %n product(s)?</source>
        <translation>
            <numerusform>归档 %n 个商品？</numerusform>
        </translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>添加标签</translation>
    </message>
    <message numerus="yes">
        <source>Tag for %n product(s):</source>
        <translation>
            <numerusform>为 %n 个商品添加标签：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListingsTableModel</name>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类目</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Channel item id: %s</source>
        <translation>渠道商品 ID：%s</translation>
    </message>
    <message>
        <source>Price after the channel&apos;s fees is below cost</source>
        <translation>扣除平台费用后的价格低于成本</translation>
    </message>
    <message>
        <source>Price is below cost</source>
        <translation>价格低于成本</translation>
    </message>
    <message>
        <source>Margin after the channel&apos;s fees is under the shop minimum of %s</source>
        <translation>扣除平台费用后的毛利率低于店铺最低值 %s</translation>
    </message>
    <message>
        <source>Margin is under the shop minimum of %s</source>
        <translation>毛利率低于店铺最低值 %s</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>(ignore)</source>
        <translation>（忽略）</translation>
    </message>
    <message>
        <source>Check the columns</source>
        <translation>检查列</translation>
    </message>
    <message>
        <source>Which column of the file each ecdesk field is read from. Fields marked * are required.</source>
        <translation>每个 ecdesk 字段从文件的哪一列读取。带 * 的字段为必填。</translation>
    </message>
    <message>
        <source>ecdesk field</source>
        <translation>ecdesk 字段</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Reset to detected</source>
        <translation>恢复为识别结果</translation>
    </message>
    <message>
        <source>Remember these columns for the next %s file</source>
        <translation>下次导入 %s 文件时记住这些列</translation>
    </message>
    <message>
        <source>Choose a column for: %s</source>
        <translation>请为以下字段选择列：%s</translation>
    </message>
    <message>
        <source>One column is read into several fields: %s</source>
        <translation>同一列被读入多个字段：%s</translation>
    </message>
    <message>
        <source> and %d more</source>
        <translation> 等另外 %d 个</translation>
    </message>
    <message>
        <source>Columns not read: %s</source>
        <translation>未读取的列：%s</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>empty: leave the SKUs&apos; prices</source>
        <translation>留空：SKU 价格保持不变</translation>
    </message>
    <message>
        <source>Exchange rate (%s per 1 %s)</source>
        <translation>汇率（%s，每 1 %s）</translation>
    </message>
    <message>
        <source>Also list on channel</source>
        <translation>同时上架到渠道</translation>
    </message>
    <message>
        <source>All or nothing: import every product, or nothing if any product has an error</source>
        <translation>全部或全不：导入所有商品；只要有一个商品出错就全部不导入</translation>
    </message>
    <message>
        <source>(none: products only)</source>
        <translation>（无：只导入商品）</translation>
    </message>
    <message>
        <source>%s rows read, %s products in the file.</source>
        <translation>已读取 %s 行，文件中有 %s 个商品。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%d product(s) have errors.&lt;/b&gt; Fix the file and read it again, or import only the products without problems.</source>
        <translation>&lt;b&gt;%d 个商品有错误。&lt;/b&gt;请修正文件后重新读取，或只导入没有问题的商品。</translation>
    </message>
    <message>
        <source>Only the valid products: import %d, skip the %d with errors</source>
        <translation>只导入有效商品：导入 %d 个，跳过 %d 个有错误的</translation>
    </message>
</context>
<context>
    <name>PricesTab</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Old</source>
        <translation>原价</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新价</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>商家编码</translation>
    </message>
    <message>
        <source>Save the product to see its prices broken down.</source>
        <translation>保存宝贝后即可查看价格明细。</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>标价</translation>
    </message>
    <message>
        <source>list price</source>
        <translation>标价</translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <source>New product</source>
        <translation>新建商品</translation>
    </message>
    <message>
        <source>Edit product</source>
        <translation>编辑商品</translation>
    </message>
    <message>
        <source>e.g. Clothing &gt; T-shirts</source>
        <translation>例如 服装 &gt; T恤</translation>
    </message>
    <message>
        <source>comma separated, e.g. new, gift</source>
        <translation>用逗号分隔，例如 新品, 礼品</translation>
    </message>
    <message>
        <source>e.g. Colour</source>
        <translation>例如 颜色</translation>
    </message>
    <message>
        <source>e.g. Size</source>
        <translation>例如 尺码</translation>
    </message>
    <message>
        <source>HTML is kept as HTML</source>
        <translation>HTML 按原样保留</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Option 1</source>
        <translation>选项 1</translation>
    </message>
    <message>
        <source>Option 2</source>
        <translation>选项 2</translation>
    </message>
    <message>
        <source>Option 3</source>
        <translation>选项 3</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>条形码</translation>
    </message>
    <message>
        <source>Weight (g)</source>
        <translation>重量（克）</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Compare-at price</source>
        <translation>划线价</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Channel price</source>
        <translation>渠道价格</translation>
    </message>
    <message>
        <source>Channel item id</source>
        <translation>渠道商品 ID</translation>
    </message>
    <message>
        <source>Channel title</source>
        <translation>渠道标题</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类目</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Option names</source>
        <translation>选项名称</translation>
    </message>
    <message>
        <source>Add SKU</source>
        <translation>添加 SKU</translation>
    </message>
    <message>
        <source>SKUs</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Channel listings</source>
        <translation>渠道宝贝</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Discard the changes you typed?</source>
        <translation>放弃已输入的修改吗？</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在售</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Listed</source>
        <translation>在售</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Unlisted</source>
        <translation>已下架</translation>
    </message>
    <message>
        <source>Not on channel</source>
        <translation>未上架</translation>
    </message>
</context>
</TS>
