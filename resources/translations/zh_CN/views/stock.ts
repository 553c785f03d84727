<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AlertsPage</name>
    <message>
        <source>All severities</source>
        <translation>全部严重程度</translation>
    </message>
    <message>
        <source>Critical and warnings</source>
        <translation>严重和警告</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Search SKU or product…</source>
        <translation>搜索 SKU 或商品…</translation>
    </message>
    <message>
        <source>All alerts</source>
        <translation>全部预警</translation>
    </message>
    <message>
        <source>Show acknowledged and snoozed</source>
        <translation>显示已确认和暂缓提醒的</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Snooze until…</source>
        <translation>暂缓提醒至…</translation>
    </message>
    <message>
        <source>Show again</source>
        <translation>重新显示</translation>
    </message>
    <message>
        <source>Receive stock…</source>
        <translation>入库…</translation>
    </message>
    <message>
        <source>Stock rules…</source>
        <translation>库存规则…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Checking stock…</source>
        <translation>正在检查库存…</translation>
    </message>
    <message>
        <source>Show in Inventory</source>
        <translation>在库存中显示</translation>
    </message>
    <message>
        <source>Show the SKU on the Inventory page, with its stock movements (Enter or double-click)</source>
        <translation>在库存页面显示该 SKU 及其库存变动（Enter 或双击）</translation>
    </message>
    <message>
        <source>Alerts could not be computed: %s</source>
        <translation>无法计算预警：%s</translation>
    </message>
    <message>
        <source>%s shown · %s critical, %s warnings, %s for information</source>
        <translation>显示 %s 条 · 严重 %s 条，警告 %s 条，提示 %s 条</translation>
    </message>
    <message>
        <source> · %s acknowledged or snoozed</source>
        <translation> · %s 条已确认或暂缓提醒</translation>
    </message>
    <message>
        <source>No alerts: all %s SKUs look fine</source>
        <translation>没有预警：全部 %s 个 SKU 都正常</translation>
    </message>
    <message>
        <source> · checked %s</source>
        <translation> · 检查于 %s</translation>
    </message>
    <message>
        <source> · checking again…</source>
        <translation> · 正在重新检查…</translation>
    </message>
    <message>
        <source>%s alerts selected: acknowledge or snooze them together.</source>
        <translation>已选择 %s 条预警：可一起确认或暂缓提醒。</translation>
    </message>
    <message>
        <source>Select an alert to see the numbers behind it; select several to acknowledge or snooze them together.</source>
        <translation>选择一条预警可查看其背后的数据；选择多条可一起确认或暂缓提醒。</translation>
    </message>
</context>
<context>
    <name>InventoryDetailPane</name>
    <message>
        <source>Select a SKU to see its stock movements.</source>
        <translation>选择一个 SKU 可查看其库存变动。</translation>
    </message>
    <message>
        <source>Loading movements…</source>
        <translation>正在加载库存变动…</translation>
    </message>
    <message numerus="yes">
        <source>%n movement(s), newest first</source>
        <translation>
            <numerusform>%n 条库存变动，最新的在前</numerusform>
        </translation>
    </message>
    <message>
        <source>No stock movements yet</source>
        <translation>尚无库存变动</translation>
    </message>
    <message>
        <source>The movements could not be read: %s</source>
        <translation>无法读取库存变动：%s</translation>
    </message>
    <message>
        <source>%s days</source>
        <translation>%s 天</translation>
    </message>
    <message>
        <source>set by hand</source>
        <translation>手动设置</translation>
    </message>
    <message>
        <source>suggested</source>
        <translation>建议值</translation>
    </message>
    <message>
        <source>On hand %s · committed %s · available %s · on order %s · sells %s a day · cover %s · reorder point %s (%s)</source>
        <translation>实际库存 %s · 占用 %s · 可用库存 %s · 在途 %s · 日销量 %s · 可售 %s · 补货点 %s（%s）</translation>
    </message>
</context>
<context>
    <name>InventoryPage</name>
    <message>
        <source>Search SKU, title, barcode, options…</source>
        <translation>搜索 SKU、标题、条形码、选项…</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类目</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Receive stock…</source>
        <translation>入库…</translation>
    </message>
    <message>
        <source>Adjust / write off…</source>
        <translation>调整 / 报损…</translation>
    </message>
    <message>
        <source>Stock count…</source>
        <translation>盘点…</translation>
    </message>
    <message>
        <source>Stock rules…</source>
        <translation>库存规则…</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类目</translation>
    </message>
    <message>
        <source>The table could not be read: %s</source>
        <translation>无法读取表格：%s</translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>正在计数…</translation>
    </message>
    <message>
        <source>%s SKU(s) · %s units on hand · value %s</source>
        <translation>%s 个 SKU · 实际库存 %s 件 · 库存金额 %s</translation>
    </message>
    <message>
        <source>SKU %s is not in the inventory list: was it archived or removed?</source>
        <translation>SKU %s 不在库存列表中：是否已归档或删除？</translation>
    </message>
    <message>
        <source>matching &apos;%s&apos;</source>
        <translation>匹配“%s”</translation>
    </message>
    <message>
        <source>%s SKU(s)</source>
        <translation>%s 个 SKU</translation>
    </message>
</context>
<context>
    <name>InventoryTableModel</name>
    <message>
        <source>Negative stock: more has left than the ledger says came in</source>
        <translation>负库存：出库多于账面入库</translation>
    </message>
    <message>
        <source>On pending and paid orders not shipped yet</source>
        <translation>待付款和已付款但未发货的订单占用</translation>
    </message>
    <message>
        <source>Units that sent purchase orders still expect</source>
        <translation>已发出的采购单中尚未到货的数量（在途）</translation>
    </message>
    <message>
        <source>%s sold in the last %s days</source>
        <translation>售出 %s 件（最近 %s 天）</translation>
    </message>
    <message>
        <source>Nothing sold in the last %s days</source>
        <translation>最近 %s 天无销售</translation>
    </message>
    <message>
        <source>Set by hand in the SKU&apos;s stock rules</source>
        <translation>在该 SKU 的库存规则中手动设置</translation>
    </message>
    <message>
        <source>Suggested from sales: sales over the lead time plus safety stock</source>
        <translation>按销量建议：到货周期内的销量加安全库存</translation>
    </message>
</context>
<context>
    <name>PagedTableModel</name>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>实际库存</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>占用</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可用库存</translation>
    </message>
    <message>
        <source>On order</source>
        <translation>在途</translation>
    </message>
    <message>
        <source>Sold a day</source>
        <translation>日销量</translation>
    </message>
    <message>
        <source>Days of cover</source>
        <translation>可售天数</translation>
    </message>
    <message>
        <source>Reorder point</source>
        <translation>补货点</translation>
    </message>
    <message>
        <source>Stock value</source>
        <translation>库存金额</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>变动</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>On hand after</source>
        <translation>调整后实际库存</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参考</translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <source>Tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <source>In a week</source>
        <translation>一周后</translation>
    </message>
    <message>
        <source>In two weeks</source>
        <translation>两周后</translation>
    </message>
    <message>
        <source>In a month</source>
        <translation>一个月后</translation>
    </message>
    <message>
        <source>Snooze alerts</source>
        <translation>暂缓提醒预警</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>暂缓提醒</translation>
    </message>
    <message numerus="yes">
        <source>Hide %n alert(s) until the start of:</source>
        <translation>
            <numerusform>隐藏 %n 条预警，直到以下日期开始：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>They come back on %s (in %n day(s)), or sooner if they get worse.</source>
        <translation>
            <numerusform>它们会在 %s（%n 天后）重新出现；如果情况变差会更早出现。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StockAdjustDialog</name>
    <message>
        <source>Units that arrived; they are added to stock.</source>
        <translation>到货的件数；会加入库存。</translation>
    </message>
    <message>
        <source>Units back on the shelf (e.g. a customer return); added to stock.</source>
        <translation>回到货架的件数（例如客户退货）；会加入库存。</translation>
    </message>
    <message>
        <source>Type + to add or − to remove, e.g. +3 found or −2 missing.</source>
        <translation>输入 + 表示增加，− 表示减少，例如 +3 找到或 −2 缺少。</translation>
    </message>
    <message>
        <source>Units damaged, lost or expired; they are taken from stock.</source>
        <translation>损坏、丢失或过期的件数；会从库存中扣除。</translation>
    </message>
    <message>
        <source>optional, e.g. supplier delivery</source>
        <translation>可选，例如 供应商到货</translation>
    </message>
    <message>
        <source>optional, e.g. return of order 1024</source>
        <translation>可选，例如 订单 1024 退货</translation>
    </message>
    <message>
        <source>required, e.g. found behind the shelf</source>
        <translation>必填，例如 在货架后找到</translation>
    </message>
    <message>
        <source>optional, e.g. damaged in transit</source>
        <translation>可选，例如 运输途中损坏</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a whole number</source>
        <translation>“%1”不是整数</translation>
    </message>
    <message>
        <source>must not be zero</source>
        <translation>不能为零</translation>
    </message>
    <message>
        <source>more than %1 units at once: please check the number</source>
        <translation>一次超过 %1 件：请检查数量</translation>
    </message>
    <message>
        <source>needs a sign: + to add to stock, − to take from it (e.g. −2)</source>
        <translation>需要加减号：+ 表示入库，− 表示出库（例如 −2）</translation>
    </message>
    <message>
        <source>Receive stock</source>
        <translation>入库</translation>
    </message>
    <message>
        <source>Adjust or write off stock</source>
        <translation>调整或报损</translation>
    </message>
    <message>
        <source>On hand %s · committed %s · available %s</source>
        <translation>实际库存 %s · 占用 %s · 可用库存 %s</translation>
    </message>
    <message>
        <source>optional, e.g. PO-2026-0012</source>
        <translation>可选，例如 PO-2026-0012</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>变动</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参考</translation>
    </message>
    <message>
        <source>On hand after</source>
        <translation>调整后实际库存</translation>
    </message>
    <message>
        <source>An adjustment needs a reason, for the stock history</source>
        <translation>调整需要填写原因，用于库存记录</translation>
    </message>
    <message>
        <source>Negative stock is not allowed for this SKU (see its stock rules)</source>
        <translation>此 SKU 不允许负库存（见其库存规则）</translation>
    </message>
</context>
<context>
    <name>StockRulesDialog</name>
    <message>
        <source>Reorder point</source>
        <translation>补货点</translation>
    </message>
    <message>
        <source>Safety stock</source>
        <translation>安全库存</translation>
    </message>
    <message>
        <source>Max stock</source>
        <translation>最大库存</translation>
    </message>
    <message>
        <source>Lead time (days)</source>
        <translation>到货周期（天）</translation>
    </message>
    <message>
        <source>Pack multiple</source>
        <translation>包装数量</translation>
    </message>
    <message>
        <source>Minimum order quantity</source>
        <translation>起订量</translation>
    </message>
    <message>
        <source>Negative stock</source>
        <translation>负库存</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a whole number</source>
        <translation>“%1”不是整数</translation>
    </message>
    <message>
        <source>is more than %1</source>
        <translation>大于 %1</translation>
    </message>
    <message>
        <source>Stock rules</source>
        <translation>库存规则</translation>
    </message>
    <message>
        <source>Sells %s a day (%s in the last %s days); available %s.</source>
        <translation>日销量 %s（售出 %s 件，最近 %s 天）；可用库存 %s。</translation>
    </message>
    <message>
        <source>Leave a field blank to use the shop default or the level suggested from sales (shown in grey).</source>
        <translation>留空则使用店铺默认值或按销量建议的值（灰色显示）。</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Shop default (%s)</source>
        <translation>店铺默认（%s）</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>允许</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>不允许</translation>
    </message>
    <message>
        <source>Use shop defaults</source>
        <translation>使用店铺默认值</translation>
    </message>
    <message>
        <source>suggested: %s</source>
        <translation>建议：%s</translation>
    </message>
    <message>
        <source>shop default: %s</source>
        <translation>店铺默认：%s</translation>
    </message>
</context>
<context>
    <name>StocktakeDialog</name>
    <message>
        <source>Stock count</source>
        <translation>盘点</translation>
    </message>
    <message>
        <source>The SKUs on the Inventory page: %s</source>
        <translation>库存页面上的 SKU：%s</translation>
    </message>
    <message>
        <source>Only the SKUs I scan or type</source>
        <translation>只盘点我扫描或输入的 SKU</translation>
    </message>
    <message>
        <source>Scan or type a SKU or barcode, then Enter</source>
        <translation>扫描或输入 SKU 或条形码，然后按 Enter</translation>
    </message>
    <message>
        <source>Each scan counts one unit</source>
        <translation>每次扫描计一件</translation>
    </message>
    <message>
        <source>Count %s</source>
        <translation>盘点 %s</translation>
    </message>
    <message>
        <source>optional, e.g. year-end count, shelf A</source>
        <translation>可选，例如 年终盘点、A 货架</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参考</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Post count…</source>
        <translation>提交盘点…</translation>
    </message>
    <message>
        <source>What to count</source>
        <translation>盘点范围</translation>
    </message>
    <message>
        <source>Start again with another sheet? The counts typed so far are dropped.</source>
        <translation>换一张盘点单重新开始？已输入的数量会被丢弃。</translation>
    </message>
    <message>
        <source>Scan or type the SKUs you count.</source>
        <translation>扫描或输入你盘点的 SKU。</translation>
    </message>
    <message>
        <source>Loading the SKUs to count…</source>
        <translation>正在加载要盘点的 SKU…</translation>
    </message>
    <message numerus="yes">
        <source>%n SKU(s) to count. Leave a SKU blank to keep its on-hand as it is.</source>
        <translation>
            <numerusform>要盘点 %n 个 SKU。留空的 SKU 保持实际库存不变。</numerusform>
        </translation>
    </message>
    <message>
        <source>No SKU or barcode &apos;%s&apos; in the shop</source>
        <translation>店铺中没有 SKU 或条形码“%s”</translation>
    </message>
    <message numerus="yes">
        <source>%n SKU(s) counted</source>
        <translation>
            <numerusform>已盘点 %n 个 SKU</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n differ</source>
        <translation>
            <numerusform>，%n 个有差异</numerusform>
        </translation>
    </message>
    <message>
        <source>, net %s units</source>
        <translation>，净差 %s 件</translation>
    </message>
    <message numerus="yes">
        <source> · %n not counted (left as they are)</source>
        <translation>
            <numerusform> · %n 个未盘点（保持不变）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… 等另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Post the count? %s SKU(s) counted; %s differ and change on hand by %s units. SKUs left blank are not changed.</source>
        <translation>提交盘点？已盘点 %s 个 SKU；%s 个有差异，实际库存变化 %s 件。留空的 SKU 不变。</translation>
    </message>
    <message>
        <source>Posting the count (a backup is taken first)…</source>
        <translation>正在提交盘点（先进行备份）…</translation>
    </message>
    <message>
        <source>Posting the count…</source>
        <translation>正在提交盘点…</translation>
    </message>
    <message>
        <source>Not posted</source>
        <translation>未提交</translation>
    </message>
    <message>
        <source>Close without posting? The counts typed are dropped.</source>
        <translation>不提交就关闭？已输入的数量会被丢弃。</translation>
    </message>
</context>
<context>
    <name>StocktakeModel</name>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>账面数量</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>盘点数量</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is below zero</source>
        <translation>“%1”小于零</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a whole number</source>
        <translation>“%1”不是整数</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is more than %2: please check the number</source>
        <translation>“%1”大于 %2：请检查数量</translation>
    </message>
    <message>
        <source>Row %1 (%2): %3</source>
        <translation>第 %1 行（%2）：%3</translation>
    </message>
    <message>
        <source>Not counted: on hand stays as it is</source>
        <translation>未盘点：实际库存保持不变</translation>
    </message>
</context>
<context>
    <name>alerts</name>
    <message>
        <source>set by hand</source>
        <translation>手动设置</translation>
    </message>
    <message>
        <source>from sales</source>
        <translation>按销量</translation>
    </message>
    <message>
        <source>Sold %s in the last %s days: %s a day</source>
        <translation>售出 %s 件（最近 %s 天）：日销量 %s</translation>
    </message>
    <message>
        <source>No sales in the last %s days</source>
        <translation>最近 %s 天无销售</translation>
    </message>
    <message>
        <source>On hand %s · on open orders %s · available %s · on order %s · projected %s</source>
        <translation>实际库存 %s · 未完成订单占用 %s · 可用库存 %s · 在途 %s · 预计库存 %s</translation>
    </message>
    <message>
        <source>%s · days of cover %s · lead time %s days</source>
        <translation>%s · 可售天数 %s · 到货周期 %s 天</translation>
    </message>
    <message>
        <source>Safety stock %s · reorder point %s (%s) · maximum %s · order %s (packs of %s, at least %s)</source>
        <translation>安全库存 %s · 补货点 %s（%s）· 最大库存 %s · 建议采购 %s（每包 %s，起订 %s）</translation>
    </message>
    <message>
        <source>last sale %s</source>
        <translation>最近销售 %s</translation>
    </message>
    <message>
        <source>listed on %s</source>
        <translation>在售于 %s</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Snoozed until %s</source>
        <translation>暂缓提醒至 %s</translation>
    </message>
    <message>
        <source>Back (snoozed till %s)</source>
        <translation>已重新出现（曾暂缓至 %s）</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Back: worse than acknowledged</source>
        <translation>已重新出现：比确认时更差</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
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
        <source>Alert</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可用库存</translation>
    </message>
    <message>
        <source>Sells a day</source>
        <translation>日销量</translation>
    </message>
    <message>
        <source>Days of cover</source>
        <translation>可售天数</translation>
    </message>
    <message>
        <source>Reorder point</source>
        <translation>补货点</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>建议采购</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>How bad: %s %s</source>
        <translation>严重程度：%s %s</translation>
    </message>
</context>
<context>
    <name>stock</name>
    <message>
        <source>Received</source>
        <translation>入库</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>售出</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>Adjusted</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>盘点数量</translation>
    </message>
    <message>
        <source>Written off</source>
        <translation>报损</translation>
    </message>
    <message>
        <source>Returned to supplier</source>
        <translation>退回供应商</translation>
    </message>
    <message>
        <source>All stock</source>
        <translation>全部库存</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>有库存</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>缺货</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>负库存</translation>
    </message>
    <message>
        <source>At or below reorder point</source>
        <translation>等于或低于补货点</translation>
    </message>
</context>
</TS>
