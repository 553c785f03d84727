<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>OrderCounts</name>
    <message>
        <source>New orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  their lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  their units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders whose status changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units leaving the shelf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units coming back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderDetailPane</name>
    <message>
        <source>Goods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>税费</translation>
    </message>
    <message>
        <source>Shipped with</source>
        <translation>快递</translation>
    </message>
    <message>
        <source>Platform fees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n orders selected. Select one to see its lines.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Select an order to see its lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s, included in the prices</source>
        <translation>%s（已含在价格中）</translation>
    </message>
    <message>
        <source>%s, on top of the prices</source>
        <translation>%s（价外另计）</translation>
    </message>
    <message numerus="yes">
        <source>Stock issued: %n unit(s) left the shelf</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Not shipped, or the goods came back</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Not shipped: %n unit(s) committed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <source>New order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the channel&apos;s order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>if known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e-mail or buyer nickname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date (%s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the channel&apos;s commission and payment fee again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note (only for you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipping charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform fees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated: %1 commission + %2 payment fee on the goods before discounts</source>
        <translation>估算：折扣前货款的 %1 佣金 + %2 支付手续费</translation>
    </message>
    <message>
        <source>Estimated: %1 commission + %2 payment fee on the goods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, + %1 per order + %2 per unit</source>
        <translation>，+ 每单 %1 + 每件 %2</translation>
    </message>
    <message>
        <source>Goods %1 + shipping %2&lt;br&gt;&lt;b&gt;Order total %3&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add a sales channel under Settings first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%s&apos; is not in the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has an order %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>only %n on hand of %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
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
        <source>The other file of the report</source>
        <translation>报表的另一个文件</translation>
    </message>
    <message>
        <source>An order export from Shopify (Orders &gt; Export) or Taobao/Tmall, as CSV or XLSX. Taobao/Tmall&apos;s report comes as two files (the order list and its line details): name both.</source>
        <translation>Shopify（Orders &gt; Export）或淘宝/天猫导出的订单文件，CSV 或 XLSX。淘宝/天猫的报表是两个文件（订单报表和宝贝明细）：请两个都选上。</translation>
    </message>
    <message>
        <source>Order exports (*.csv *.xlsx *.txt *.tsv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%d columns, %s rows, %s orders with %s lines</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderImportWizard</name>
    <message>
        <source>Import orders</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderLinesEditor</name>
    <message>
        <source>Remove line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type or pick a SKU; a new line opens below.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderPreviewPage</name>
    <message>
        <source>Orders of channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All or nothing: import every order, or nothing if any order has an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(choose the channel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows read: %s; orders in the file: %s, lines: %s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Choose the channel these orders belong to.&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%d order(s) have errors.&lt;/b&gt; Fix the file and read it again, or import only the orders without problems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the valid orders: import %d, skip the %d with errors</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderStatusDialog</name>
    <message>
        <source>Refund orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The goods come back: return them to stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The goods stay with the buyer: stock unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It has shipped. Do the goods come back?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n of them shipped. Do the goods come back?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Refunded (%s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each order is refunded in full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refund %n order(s): %1?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n order(s): %1? A cancelled order cannot be reopened.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>cannot be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is more than the order&apos;s total %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has more than two decimals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say first whether the goods come back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>Search order number, customer, SKU…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New order…</source>
        <translation type="unfinished"></translation>
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
        <source>All channels</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 is %2: it cannot become %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of the %2 selected orders can become %3. These cannot:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Go on with the %n that can?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
