<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>OrderEditor</name>
    <message>
        <source>New purchase order</source>
        <translation>新建采购单</translation>
    </message>
    <message>
        <source>Purchase order %s</source>
        <translation>采购单 %s</translation>
    </message>
    <message>
        <source>shop currency per unit, e.g. 7.20</source>
        <translation>每单位折合店铺币种，例如 7.20</translation>
    </message>
    <message>
        <source>Expected on</source>
        <translation>预计到货日</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>成本价</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Exchange rate</source>
        <translation>汇率</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>运费</translation>
    </message>
    <message>
        <source>Other costs</source>
        <translation>其他费用</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>This order was sent: only its expected date and notes can change.</source>
        <translation>该采购单已发出：只能修改预计到货日期和备注。</translation>
    </message>
    <message>
        <source>More lines</source>
        <translation>更多行</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Row %d: there is no SKU %s</source>
        <translation>第 %d 行：没有 SKU %s</translation>
    </message>
</context>
<context>
    <name>PagedTableModel</name>
    <message>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预计到货</translation>
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
        <source>Received</source>
        <translation>已到货</translation>
    </message>
    <message>
        <source>Goods total</source>
        <translation>商品金额</translation>
    </message>
</context>
<context>
    <name>PurchasingPage</name>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n 张采购单</numerusform>
        </translation>
    </message>
    <message>
        <source>Search PO number or supplier…</source>
        <translation>搜索采购单号或供应商…</translation>
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
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>订货数量</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>成本价</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已到货</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Partly received</source>
        <translation>部分到货</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>拒收</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退货</translation>
    </message>
    <message>
        <source>Still expected</source>
        <translation>待到货</translation>
    </message>
    <message>
        <source>New order…</source>
        <translation>新建采购单…</translation>
    </message>
    <message>
        <source>Suggestions…</source>
        <translation>补货建议…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发出</translation>
    </message>
    <message>
        <source>Receive…</source>
        <translation>到货入库…</translation>
    </message>
    <message>
        <source>Return to supplier…</source>
        <translation>退货给供应商…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>取消采购单</translation>
    </message>
    <message>
        <source>PDF / XLSX…</source>
        <translation>PDF / XLSX…</translation>
    </message>
    <message>
        <source>Select a purchase order to see its lines.</source>
        <translation>选择一张采购单查看明细。</translation>
    </message>
    <message>
        <source>expected %s</source>
        <translation>预计 %s 到货</translation>
    </message>
    <message>
        <source>late</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Goods %1 + shipping %2 + other %3 = &lt;b&gt;%4&lt;/b&gt;</source>
        <translation>货款 %1 + 运费 %2 + 其他 %3 = &lt;b&gt;%4&lt;/b&gt;</translation>
    </message>
    <message>
        <source>credited for returns %s</source>
        <translation>退货抵扣 %s</translation>
    </message>
    <message>
        <source>Close %s? What has not arrived is cancelled.</source>
        <translation>关闭 %s？未到货的部分将被取消。</translation>
    </message>
    <message>
        <source>Cancel %s? Nothing of it will be expected.</source>
        <translation>取消 %s？将不再等待其到货。</translation>
    </message>
    <message>
        <source>Purchase order</source>
        <translation>采购单</translation>
    </message>
    <message>
        <source>Save purchase order</source>
        <translation>保存采购单</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Excel (*.xlsx)</source>
        <translation>PDF (*.pdf);;Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Not written</source>
        <translation>未写入</translation>
    </message>
    <message>
        <source>Wrote %s</source>
        <translation>已写入 %s</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <source>Receive %s</source>
        <translation>入库 %s</translation>
    </message>
    <message>
        <source>Scan or type a SKU or barcode, Enter</source>
        <translation>扫码或输入 SKU / 条形码，按回车</translation>
    </message>
    <message>
        <source>delivery note number</source>
        <translation>送货单号</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>扫码</translation>
    </message>
    <message>
        <source>Delivery note</source>
        <translation>送货单</translation>
    </message>
    <message>
        <source>This delivery&apos;s shipping (%s)</source>
        <translation>本次到货的运费（%s）</translation>
    </message>
    <message>
        <source>This delivery&apos;s other costs (%s)</source>
        <translation>本次到货的其他费用（%s）</translation>
    </message>
    <message>
        <source>Everything expected</source>
        <translation>全部按应到数量</translation>
    </message>
    <message>
        <source>Book receipt</source>
        <translation>确认入库</translation>
    </message>
    <message>
        <source>%1 from %2: type the units accepted and rejected, or scan each unit.</source>
        <translation>%1（%2）：填写合格入库和拒收数量，或逐件扫码。</translation>
    </message>
    <message>
        <source>%s is not on this order</source>
        <translation>%s 不在这张采购单上</translation>
    </message>
    <message>
        <source>%s: %d accepted</source>
        <translation>%s：已入库 %d</translation>
    </message>
    <message>
        <source>Not booked</source>
        <translation>未入库</translation>
    </message>
</context>
<context>
    <name>ReceiveModel</name>
    <message>
        <source>SKU</source>
        <translation>商家编码</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>宝贝</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应到</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>验收</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>拒收</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Return to supplier · %s</source>
        <translation>退货给供应商 · %s</translation>
    </message>
    <message>
        <source>e.g. damaged, wrong colour</source>
        <translation>例如：破损、颜色不对</translation>
    </message>
    <message>
        <source>%1 from %2: type the units to send back on each line (at most what can go back). They leave stock together and each line is credited on the order.</source>
        <translation>%1（%2）：在每行输入要退回的数量（不超过可退数量）。这些货品一起出库，每行金额都记入采购单的退货抵扣。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ReturnModel</name>
    <message>
        <source>SKU</source>
        <translation>商家编码</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>宝贝</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收货</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退货</translation>
    </message>
    <message>
        <source>Can go back</source>
        <translation>可退</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>本次退货</translation>
    </message>
</context>
<context>
    <name>SuggestionsDialog</name>
    <message>
        <source>Reorder suggestions</source>
        <translation>补货建议</translation>
    </message>
    <message>
        <source>Working out what to order…</source>
        <translation>正在计算需要补货的商品…</translation>
    </message>
    <message>
        <source>Exchange rates for suppliers in other currencies, e.g. USD=7.20 EUR=7.80 (default: the newest order&apos;s)</source>
        <translation>其他币种供应商的汇率，例如 USD=7.20 EUR=7.80（默认：最近一张采购单的汇率）</translation>
    </message>
    <message>
        <source>Create draft orders</source>
        <translation>创建采购单草稿</translation>
    </message>
    <message>
        <source>%1 SKUs checked: %2 to order from %3 suppliers, %4 without a preferred supplier. Edit the Order column, then create the drafts.</source>
        <translation>已检查 %1 个 SKU：需向 %3 家供应商采购 %2 个，%4 个没有首选供应商。可修改“订货”列，然后创建草稿。</translation>
    </message>
    <message>
        <source>No orders created</source>
        <translation>未创建采购单</translation>
    </message>
</context>
<context>
    <name>SuggestionsModel</name>
    <message>
        <source>(no preferred supplier)</source>
        <translation>（无首选供应商）</translation>
    </message>
</context>
<context>
    <name>purchasing</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发出</translation>
    </message>
    <message>
        <source>Partly received</source>
        <translation>部分到货</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已到货</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>late</source>
        <translation>已逾期</translation>
    </message>
</context>
</TS>
