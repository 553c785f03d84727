<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>OrderColumnsPage</name>
    <message>
        <source>Do not import</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>Check the columns</source>
        <translation>核对列</translation>
    </message>
    <message>
        <source>What each column of the file is imported as. Fields marked * are required; a column set to “Do not import” is left out, and the preview lists it.</source>
        <translation>文件中每一列导入为哪个字段。标 * 的字段为必填；设为“不导入”的列不会导入，预览中会列出。</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Example value</source>
        <translation>示例值</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Read as %1. The columns chosen here are remembered for the channel once the orders are imported.</source>
        <translation>按 %1 读取。导入订单后，这里选择的列会为该渠道记住。</translation>
    </message>
    <message>
        <source>Choose a column for: %1</source>
        <translation>请为以下字段选择列：%1</translation>
    </message>
    <message>
        <source>Several columns are imported as: %1</source>
        <translation>多个列导入为同一字段：%1</translation>
    </message>
</context>
<context>
    <name>OrderCounts</name>
    <message>
        <source>New orders</source>
        <translation>新订单</translation>
    </message>
    <message>
        <source>  their lines</source>
        <translation>  其订单行</translation>
    </message>
    <message>
        <source>  their units</source>
        <translation>  其件数</translation>
    </message>
    <message>
        <source>Orders whose status changes</source>
        <translation>状态变化的订单</translation>
    </message>
    <message>
        <source>Orders unchanged</source>
        <translation>未变的订单</translation>
    </message>
    <message>
        <source>Units leaving the shelf</source>
        <translation>出库件数</translation>
    </message>
    <message>
        <source>Units coming back</source>
        <translation>退回件数</translation>
    </message>
</context>
<context>
    <name>OrderDetailPane</name>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>小计</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>商品金额</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>运费</translation>
    </message>
    <message>
        <source>Order total</source>
        <translation>订单合计</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>税费</translation>
    </message>
    <message>
        <source>Ship to</source>
        <translation>收货地址</translation>
    </message>
    <message>
        <source>Shipped with</source>
        <translation>快递</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>Platform fees</source>
        <translation>平台费用</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message numerus="yes">
        <source>%n orders selected. Select one to see its lines.</source>
        <translation>
            <numerusform>已选择 %n 个订单。选择一个可查看其订单行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Select an order to see its lines.</source>
        <translation>选择一个订单可查看其订单行。</translation>
    </message>
    <message>
        <source>customer not known</source>
        <translation>客户未知</translation>
    </message>
    <message>
        <source>%s, included in the prices</source>
        <translation>%s（已含在价格中）</translation>
    </message>
    <message>
        <source>%s, on top of the prices</source>
        <translation>%s（价外另计）</translation>
    </message>
    <message>
        <source>until %1 (no delivery time: shipping plus the channel&apos;s transit days)</source>
        <translation>截至 %1（无签收时间：按发货时间加渠道在途天数）</translation>
    </message>
    <message>
        <source>until %1 (delivered %2)</source>
        <translation>截至 %1（%2 签收）</translation>
    </message>
    <message numerus="yes">
        <source>Stock issued: %n unit(s) left the shelf</source>
        <translation>
            <numerusform>已出库：%n 件已离开货架</numerusform>
        </translation>
    </message>
    <message>
        <source>Not shipped, or the goods came back</source>
        <translation>未发货，或货物已退回</translation>
    </message>
    <message numerus="yes">
        <source>Not shipped: %n unit(s) committed</source>
        <translation>
            <numerusform>未发货：占用 %n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <source>New order</source>
        <translation>新建订单</translation>
    </message>
    <message>
        <source>Edit order %1</source>
        <translation>修改订单 %1</translation>
    </message>
    <message>
        <source>Change the status with Mark as… on the Orders page</source>
        <translation>状态请在订单页用“标记为…”更改</translation>
    </message>
    <message>
        <source>the channel&apos;s order number</source>
        <translation>渠道的订单号</translation>
    </message>
    <message>
        <source>if known</source>
        <translation>如已知</translation>
    </message>
    <message>
        <source>e-mail or buyer nickname</source>
        <translation>邮箱或买家昵称</translation>
    </message>
    <message>
        <source>the shipping address, as the buyer gave it (name, phone, address)</source>
        <translation>买家提供的收货信息（姓名、电话、地址）</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Date (%s)</source>
        <translation>日期（%s）</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Customer id</source>
        <translation>客户 ID</translation>
    </message>
    <message>
        <source>Ship to</source>
        <translation>收货地址</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>估算</translation>
    </message>
    <message>
        <source>Fill in the channel&apos;s commission and payment fee again</source>
        <translation>重新填入渠道的佣金和支付手续费</translation>
    </message>
    <message>
        <source>Note (only for you)</source>
        <translation>备注（仅自己可见）</translation>
    </message>
    <message>
        <source>Shipping charged</source>
        <translation>收取的运费</translation>
    </message>
    <message>
        <source>Platform fees</source>
        <translation>平台费用</translation>
    </message>
    <message>
        <source>Estimated: %1 commission + %2 payment fee on the goods before discounts</source>
        <translation>估算：折扣前货款的 %1 佣金 + %2 支付手续费</translation>
    </message>
    <message>
        <source>Estimated: %1 commission + %2 payment fee on the goods</source>
        <translation>估算：商品金额的佣金 %1 + 支付手续费 %2</translation>
    </message>
    <message>
        <source>, + %1 per order + %2 per unit</source>
        <translation>，+ 每单 %1 + 每件 %2</translation>
    </message>
    <message>
        <source>Goods %1 + shipping %2&lt;br&gt;&lt;b&gt;Order total %3&lt;/b&gt;</source>
        <translation>商品 %1 + 运费 %2&lt;br&gt;&lt;b&gt;订单合计 %3&lt;/b&gt;</translation>
    </message>
    <message>
        <source>add a sales channel under Settings first</source>
        <translation>请先在设置中添加销售渠道</translation>
    </message>
    <message>
        <source>&apos;%s&apos; is not in the catalog</source>
        <translation>商品目录中没有“%s”</translation>
    </message>
    <message>
        <source>%1 already has an order %2</source>
        <translation>%1 已有订单 %2</translation>
    </message>
    <message numerus="yes">
        <source>only %n on hand of %1</source>
        <translation>
            <numerusform>%1 只有 %n 件实际库存</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrderFilePage</name>
    <message>
        <source>Taobao/Tmall: the other file of the report (order list or line details)</source>
        <translation>淘宝/天猫：报表的另一个文件（订单报表或宝贝明细）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Second file</source>
        <translation>第二个文件</translation>
    </message>
    <message>
        <source>Check the columns before the preview</source>
        <translation>预览前核对列</translation>
    </message>
    <message>
        <source>The other file of the report</source>
        <translation>报表的另一个文件</translation>
    </message>
    <message>
        <source>An order export from Shopify (Orders &gt; Export) or Taobao/Tmall, as CSV or XLSX. Taobao/Tmall&apos;s report comes as two files (the order list and its line details): name both.</source>
        <translation>Shopify（Orders &gt; Export）或淘宝/天猫导出的订单文件，CSV 或 XLSX。淘宝/天猫的报表是两个文件（订单报表和宝贝明细）：请两个都选上。</translation>
    </message>
    <message>
        <source>Order exports (*.csv *.xlsx *.txt *.tsv);;All files (*)</source>
        <translation>订单导出文件 (*.csv *.xlsx *.txt *.tsv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Next: choose which column of the file holds each field.</source>
        <translation>下一步：选择文件中哪一列对应每个字段。</translation>
    </message>
    <message>
        <source>%d columns, %s rows, %s orders with %s lines</source>
        <translation>%d 列，%s 行，%s 个订单，共 %s 个订单行</translation>
    </message>
    <message numerus="yes">
        <source>Check the columns before the preview (%n of the file&apos;s columns are not imported)</source>
        <translation>
            <numerusform>预览前核对列（文件中有 %n 列不会导入）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrderImportWizard</name>
    <message>
        <source>Import orders</source>
        <translation>导入订单</translation>
    </message>
</context>
<context>
    <name>OrderLinesEditor</name>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>小计</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>删除行</translation>
    </message>
    <message>
        <source>Type or pick a SKU; a new line opens below.</source>
        <translation>输入或选择 SKU；下方会新开一行。</translation>
    </message>
</context>
<context>
    <name>OrderPreviewPage</name>
    <message>
        <source>Orders of channel</source>
        <translation>订单所属渠道</translation>
    </message>
    <message>
        <source>All or nothing: import every order, or nothing if any order has an error</source>
        <translation>全部或全不：导入所有订单；只要有一个订单出错就全部不导入</translation>
    </message>
    <message>
        <source>(choose the channel)</source>
        <translation>（选择渠道）</translation>
    </message>
    <message>
        <source>Rows read: %s; orders in the file: %s, lines: %s.</source>
        <translation>已读取 %s 行；文件中有 %s 个订单，%s 个订单行。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Choose the channel these orders belong to.&lt;/b&gt;</source>
        <translation>&lt;b&gt;请选择这些订单所属的渠道。&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%d order(s) have errors.&lt;/b&gt; Fix the file and read it again, or import only the orders without problems.</source>
        <translation>&lt;b&gt;%d 个订单有错误。&lt;/b&gt;请修正文件后重新读取，或只导入没有问题的订单。</translation>
    </message>
    <message>
        <source>Only the valid orders: import %d, skip the %d with errors</source>
        <translation>只导入有效订单：导入 %d 个，跳过 %d 个有错误的</translation>
    </message>
</context>
<context>
    <name>OrderStatusDialog</name>
    <message>
        <source>Refund orders</source>
        <translation>订单退款</translation>
    </message>
    <message>
        <source>Cancel orders</source>
        <translation>取消订单</translation>
    </message>
    <message>
        <source>The goods come back: return them to stock</source>
        <translation>货物退回：重新入库</translation>
    </message>
    <message>
        <source>The goods stay with the buyer: stock unchanged</source>
        <translation>货物留在买家处：库存不变</translation>
    </message>
    <message>
        <source>It has shipped. Do the goods come back?</source>
        <translation>该订单已发货。货物会退回吗？</translation>
    </message>
    <message numerus="yes">
        <source>%n of them shipped. Do the goods come back?</source>
        <translation>
            <numerusform>其中 %n 个已发货。货物会退回吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Refunded (%s)</source>
        <translation>已退款（%s）</translation>
    </message>
    <message>
        <source>Each order is refunded in full.</source>
        <translation>每个订单全额退款。</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> 等另外 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refund %n order(s): %1?</source>
        <translation>
            <numerusform>为 %n 个订单退款：%1？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n order(s): %1? A cancelled order cannot be reopened.</source>
        <translation>
            <numerusform>取消 %n 个订单：%1？取消的订单不能重新打开。</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <source>is more than the order&apos;s total %s</source>
        <translation>超过订单合计 %s</translation>
    </message>
    <message>
        <source>has more than two decimals</source>
        <translation>小数超过两位</translation>
    </message>
    <message>
        <source>Say first whether the goods come back</source>
        <translation>请先说明货物是否退回</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>To ship (pending or paid)</source>
        <translation>待发货（待付款或已付款）</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待付款</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Mark paid</source>
        <translation>标记为已付款</translation>
    </message>
    <message>
        <source>Mark shipped</source>
        <translation>标记为已发货</translation>
    </message>
    <message>
        <source>Mark completed</source>
        <translation>标记为已完成</translation>
    </message>
    <message>
        <source>Cancel…</source>
        <translation>取消…</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>退款…</translation>
    </message>
    <message>
        <source>Search order number, customer, SKU…</source>
        <translation>搜索订单号、客户、SKU…</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>New order…</source>
        <translation>新建订单…</translation>
    </message>
    <message>
        <source>Edit order…</source>
        <translation>修改订单…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Packing list…</source>
        <translation>打包单…</translation>
    </message>
    <message>
        <source>Export the orders shown to</source>
        <translation>将显示的订单导出到</translation>
    </message>
    <message>
        <source>CSV (*.csv);;Excel workbook (*.xlsx)</source>
        <translation>CSV (*.csv);;Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting orders</source>
        <translation>正在导出订单</translation>
    </message>
    <message>
        <source>Save the packing list as</source>
        <translation>打包单另存为</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the packing list</source>
        <translation>正在生成打包单</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n 个订单</numerusform>
        </translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>正在计数…</translation>
    </message>
    <message>
        <source>Cannot edit this order</source>
        <translation>无法修改此订单</translation>
    </message>
    <message>
        <source>Order %1 is %2: only an order not shipped yet (pending or paid) can be edited.</source>
        <translation>订单 %1 %2：只有尚未发货（待付款或已付款）的订单可以修改。</translation>
    </message>
    <message>
        <source>Nothing to change</source>
        <translation>没有可更改的内容</translation>
    </message>
    <message>
        <source>Order %1 is %2: it cannot become %3.</source>
        <translation>订单 %1 为%2：不能变为%3。</translation>
    </message>
    <message>
        <source>%1 of the %2 selected orders can become %3. These cannot:</source>
        <translation>所选 %2 个订单中有 %1 个可以变为%3。以下订单不能：</translation>
    </message>
    <message numerus="yes">
        <source>Go on with the %n that can?</source>
        <translation>
            <numerusform>继续处理可以更改的 %n 个？</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PagedTableModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>订单行</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>ShipDialog</name>
    <message>
        <source>Mark shipped</source>
        <translation>标记为已发货</translation>
    </message>
    <message>
        <source>Optional, e.g. 顺丰速运</source>
        <translation>选填，例如 顺丰速运</translation>
    </message>
    <message>
        <source>Carrier (快递公司)</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>Tracking number (快递单号)</source>
        <translation>快递单号</translation>
    </message>
    <message>
        <source>Tracking numbers are typed one order at a time; the carrier is recorded for every order.</source>
        <translation>快递单号需逐个订单填写；快递公司会记录到每个订单。</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> 等另外 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ship %n order(s): %1? Their goods leave stock.</source>
        <translation>
            <numerusform>发货 %n 个订单：%1？其商品将扣减库存。</numerusform>
        </translation>
    </message>
    <message>
        <source>is longer than %1 characters</source>
        <translation>超过 %1 个字符</translation>
    </message>
    <message>
        <source>may hold only letters, digits and dashes</source>
        <translation>只能包含字母、数字和短横线</translation>
    </message>
</context>
<context>
    <name>order_status</name>
    <message>
        <source>Pending</source>
        <translation>待付款</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
</context>
</TS>
