<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ReportsPage</name>
    <message>
        <source>Totals, by channel, category and day; refunds, discounts, platform fees and gross margin, with a trend chart</source>
        <translation>合计，按渠道、类目和日期；退款、优惠、平台费用和毛利，附趋势图</translation>
    </message>
    <message>
        <source>Stock on hand x unit cost by category and SKU at the period&apos;s end, the period&apos;s movements reconciled, and the current alerts</source>
        <translation>期末按类目和 SKU 的实际库存 × 单位成本、本期库存变动对账，以及当前预警</translation>
    </message>
    <message>
        <source>Both reports in one PDF with a contents page: the file for your accountant each month</source>
        <translation>两份报表合为一个带目录页的 PDF：每月交给会计的文件</translation>
    </message>
    <message>
        <source>Tickets&apos; first-response and resolution times, SLA met, reopen rate and satisfaction by type and channel; returns by SKU and reason; refunds paid</source>
        <translation>按类型和渠道统计工单的首次响应和解决时间、SLA 达成率、重开率和满意度；按 SKU 和原因统计退货；已付退款</translation>
    </message>
    <message>
        <source>Each supplier&apos;s scorecard for the period (on time, fill rate, lead time, rejections, returns, price variance, score) and the open purchase orders</source>
        <translation>每个供应商本期的评分（准时率、满足率、到货周期、拒收、退货、价格差异、得分）以及未完成的采购单</translation>
    </message>
    <message>
        <source>Every SKU&apos;s price on each channel, with its cost, the channel&apos;s fees on one unit and the margin after them, as they stand now</source>
        <translation>每个 SKU 在各渠道的价格，以及其成本、单件的平台费用和扣除后的毛利（按当前情况）</translation>
    </message>
    <message>
        <source>Each promotion that ended in the period: sales, orders, average order value, discount cost and margin after fees during its window against the time just before, by channel and top SKUs, and coupon uses</source>
        <translation>期间内结束的每个促销活动：活动期间与活动前同样长时间相比的销售额、订单数、客单价、优惠成本和扣除平台费用后毛利，按渠道和热销 SKU，以及优惠券使用次数</translation>
    </message>
    <message>
        <source>CSV (the same tables)</source>
        <translation>CSV（相同的表格）</translation>
    </message>
    <message>
        <source>Excel workbook (the same tables, one sheet each)</source>
        <translation>Excel 工作簿（相同的表格，每表一页）</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>This month (to date)</source>
        <translation>本月（至今）</translation>
    </message>
    <message>
        <source>Other dates…</source>
        <translation>其他日期…</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Open the file when done</source>
        <translation>完成后打开文件</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>文件类型</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>&amp;Generate report</source>
        <translation>生成报表(&amp;G)</translation>
    </message>
    <message>
        <source>Generate the report (Ctrl+Enter)</source>
        <translation>生成报表（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <source> (archived)</source>
        <translation>（已归档）</translation>
    </message>
    <message>
        <source>Stock is shared by every channel: this report covers the whole shop.</source>
        <translation>库存由所有渠道共享：本报表涵盖整个店铺。</translation>
    </message>
    <message>
        <source>Save the report as</source>
        <translation>报表另存为</translation>
    </message>
    <message>
        <source>The period ends before it starts: choose a later end date.</source>
        <translation>期间的结束早于开始：请选择更晚的结束日期。</translation>
    </message>
    <message>
        <source>Choose where to save the report.</source>
        <translation>请选择报表保存位置。</translation>
    </message>
    <message>
        <source>%s exists and will be replaced.</source>
        <translation>%s 已存在，将被替换。</translation>
    </message>
    <message>
        <source>Generating %s…</source>
        <translation>正在生成 %s…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Wrote %s to %s</source>
        <translation>已将 %s 写入 %s</translation>
    </message>
    <message>
        <source> (%s pages)</source>
        <translation>（%s 页）</translation>
    </message>
    <message>
        <source>No report was written: %s</source>
        <translation>未写入报表：%s</translation>
    </message>
    <message>
        <source>The report was cancelled: no file was written.</source>
        <translation>报表已取消：未写入任何文件。</translation>
    </message>
</context>
</TS>
