<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ecdesk template: every field, the stock and the listings on each channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shopify product CSV: to upload to a Shopify store, with the stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (fast, opens anywhere)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx, slower for big shops)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export products to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv);;Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to save the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file name must end in .csv or .xlsx.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no folder %s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s is a folder: add a file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s exists and will be replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %s products (%s rows) to %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n cell(s) were too long for Excel and were cut:</source>
        <translation>
            <numerusform>%n 个单元格超出 Excel 上限，已被截断：</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was exported: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export was cancelled: no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>A product export from Shopify, WooCommerce, Taobao/Tmall or ecdesk&apos;s template, as CSV or XLSX.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product files (*.csv *.xlsx *.txt *.tsv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the right columns on the next page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%d columns, %s rows, %s products</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import products</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListingsPage</name>
    <message>
        <source>Search title, SKU, barcode, item id…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bulk actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished">渠道</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n SKU(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive products</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Archive %n product(s)? They are hidden from the table but kept, and can be set active again from the Archived filter.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Select rows first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set product status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Archive %n product(s)?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Tag for %n product(s):</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListingsTableModel</name>
    <message>
        <source>Channel item id: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price after the channel&apos;s fees is below cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price is below cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Margin after the channel&apos;s fees is under the shop minimum of %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Margin is under the shop minimum of %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Check the columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which column of the file each ecdesk field is read from. Fields marked * are required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ecdesk field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset to detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember these columns for the next %s file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a column for: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One column is read into several fields: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and %d more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns not read: %s</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All or nothing: import every product, or nothing if any product has an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none: products only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s rows read, %s products in the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%d product(s) have errors.&lt;/b&gt; Fix the file and read it again, or import only the products without problems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the valid products: import %d, skip the %d with errors</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Clothing &gt; T-shirts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma separated, e.g. new, gift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML is kept as HTML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel listings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
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
</TS>
