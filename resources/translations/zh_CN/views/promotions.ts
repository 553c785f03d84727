<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CalendarPanel</name>
    <message>
        <source>‹ Previous</source>
        <translation>‹ 上一页</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation>下一页 ›</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Drafts can be dragged to move them, or by an end to change their dates.</source>
        <translation>草稿可拖动以移动，拖动两端可修改日期。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Week of %s&lt;/b&gt;</source>
        <translation>&lt;b&gt;%s 起的一周&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>EventPresetsDialog</name>
    <message>
        <source>Start from an event</source>
        <translation>从大促节点开始</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>活动节点</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Ends (not included)</source>
        <translation>结束（不含）</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Dates differ per year and platform: change a start or an end in the table and Save dates to keep them for this year. Edited dates are marked ✎.</source>
        <translation>每年、每个平台的日期都不同：在表中修改开始或结束时间，点“保存日期”即为当年保留。改过的日期标有 ✎。</translation>
    </message>
    <message>
        <source>Use this event</source>
        <translation>使用此节点</translation>
    </message>
    <message>
        <source>Save dates</source>
        <translation>保存日期</translation>
    </message>
    <message>
        <source>Default dates</source>
        <translation>默认日期</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
</context>
<context>
    <name>PairTable</name>
    <message>
        <source>Remove row</source>
        <translation>删除行</translation>
    </message>
</context>
<context>
    <name>PromotionCalendar</name>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>+%d more</source>
        <translation>另有 %d 个</translation>
    </message>
    <message>
        <source>%s
%s
%s to %s</source>
        <translation>%s
%s
%s 至 %s</translation>
    </message>
</context>
<context>
    <name>PromotionEditor</name>
    <message>
        <source>New promotion</source>
        <translation>新建促销活动</translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation>促销活动</translation>
    </message>
    <message>
        <source>Start from an event…</source>
        <translation>从大促节点开始…</translation>
    </message>
    <message>
        <source>e.g. 双11 满减</source>
        <translation>例如 双11 满减</translation>
    </message>
    <message>
        <source>Only between</source>
        <translation>仅在每天</translation>
    </message>
    <message>
        <source>Category path, tag, brand, product title or SKU</source>
        <translation>类目路径、标签、品牌、商品标题或 SKU</translation>
    </message>
    <message>
        <source>optional; no spaces</source>
        <translation>可不填；不能有空格</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Ends (not included)</source>
        <translation>结束（不含）</translation>
    </message>
    <message>
        <source>Daily hours</source>
        <translation>每日时段</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>适用范围</translation>
    </message>
    <message>
        <source>Coupon code</source>
        <translation>优惠券码</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>the seller&apos;s part, e.g. 60</source>
        <translation>商家承担的部分，例如 60</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Funded by</source>
        <translation>出资方</translation>
    </message>
    <message>
        <source>Seller&apos;s share %</source>
        <translation>商家承担比例 %</translation>
    </message>
    <message>
        <source>Stacking</source>
        <translation>叠加</translation>
    </message>
    <message>
        <source>Priority (1 applies first)</source>
        <translation>优先级（1 最先计算）</translation>
    </message>
    <message>
        <source>An exclusive promotion does not combine: of those that apply, only the first by priority counts. Stackable ones combine with each other, in priority order.</source>
        <translation>不可叠加的活动不与其他活动同享：同时适用时只按优先级取第一个。可叠加的活动之间按优先级依次叠加。</translation>
    </message>
    <message>
        <source>Times are in %1, the end not included: a promotion ending 11-12 00:00 runs through 11-11.</source>
        <translation>时间为 %1 时间，不含结束时刻：在 11-12 00:00 结束的活动持续到 11-11 当天结束。</translation>
    </message>
    <message>
        <source>Checking overlaps, floors and reference prices…</source>
        <translation>正在检查活动重叠、最低毛利和参考价…</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>另有 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The checks before a promotion starts found %n problem(s):</source>
        <translation>
            <numerusform>活动开始前的检查发现 %n 个问题：</numerusform>
        </translation>
    </message>
    <message>
        <source>Save with these problems?</source>
        <translation>带着这些问题保存？</translation>
    </message>
    <message>
        <source>Save it anyway?</source>
        <translation>仍然保存吗？</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>PromotionsPage</name>
    <message>
        <source>All phases</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Search names, codes, notes…</source>
        <translation>搜索名称、券码、备注…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Stacking</source>
        <translation>叠加</translation>
    </message>
    <message>
        <source>Coupon uses</source>
        <translation>优惠券使用次数</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Duplicate…</source>
        <translation>复制…</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>排期</translation>
    </message>
    <message>
        <source>Back to draft</source>
        <translation>退回草稿</translation>
    </message>
    <message>
        <source>Cancel promotion</source>
        <translation>取消活动</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>&lt;b&gt;Checks before a promotion starts&lt;/b&gt;</source>
        <translation>&lt;b&gt;活动开始前的检查&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Run checks</source>
        <translation>运行检查</translation>
    </message>
    <message>
        <source>Overlaps, prices below cost or the margin floor after fees, and compare-at prices above the lowest price of the seven days before.</source>
        <translation>活动重叠、低于成本或扣除平台费用后低于毛利率底线的价格，以及高于前七天最低成交价的划线价。</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <source>%d of %d promotions</source>
        <translation>%d / %d 个促销活动</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Every check passed.</source>
        <translation>所有检查均已通过。</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s): look before the promotions start.</source>
        <translation>
            <numerusform>%n 个问题：请在活动开始前查看。</numerusform>
        </translation>
    </message>
    <message>
        <source> and %d more</source>
        <translation> 等另外 %d 个</translation>
    </message>
</context>
<context>
    <name>TermsFields</name>
    <message>
        <source>e.g. 20 for 20 % off</source>
        <translation>例如 20 表示减 20 %</translation>
    </message>
    <message>
        <source>taken off each item</source>
        <translation>每件减去的金额</translation>
    </message>
    <message>
        <source>each item&apos;s price during the promotion</source>
        <translation>活动期间每件的价格</translation>
    </message>
    <message>
        <source>Spend at least</source>
        <translation>满（金额）</translation>
    </message>
    <message>
        <source>Take off</source>
        <translation>减（金额）</translation>
    </message>
    <message>
        <source>Add tier</source>
        <translation>添加阶梯</translation>
    </message>
    <message>
        <source>50: that unit at half price; 100: free</source>
        <translation>50：该件半价；100：该件免费</translation>
    </message>
    <message>
        <source>the gift&apos;s SKU</source>
        <translation>赠品的 SKU</translation>
    </message>
    <message>
        <source>empty: with any purchase</source>
        <translation>留空：购买即赠</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>添加商品</translation>
    </message>
    <message>
        <source>the whole set&apos;s price</source>
        <translation>整套的价格</translation>
    </message>
    <message>
        <source>Percent off each item</source>
        <translation>每件折扣 %</translation>
    </message>
    <message>
        <source>Amount off each item</source>
        <translation>每件立减金额</translation>
    </message>
    <message>
        <source>Tiers (满减)</source>
        <translation>满减阶梯</translation>
    </message>
    <message>
        <source>Every nth unit of a SKU</source>
        <translation>同一 SKU 每第 n 件</translation>
    </message>
    <message>
        <source>Percent off that unit</source>
        <translation>该件折扣 %</translation>
    </message>
    <message>
        <source>Gift SKU</source>
        <translation>赠品 SKU</translation>
    </message>
    <message>
        <source>Gift quantity</source>
        <translation>赠品数量</translation>
    </message>
    <message>
        <source>When the basket reaches</source>
        <translation>订单满（金额）</translation>
    </message>
    <message>
        <source>Items in the bundle</source>
        <translation>套餐内商品</translation>
    </message>
    <message>
        <source>Bundle price</source>
        <translation>套餐价</translation>
    </message>
    <message>
        <source>Promotional price</source>
        <translation>活动价</translation>
    </message>
    <message>
        <source>2nd at half price: every 2, 50 %. 3 for 2: every 3, 100 %.</source>
        <translation>第二件半价：每 2 件，50 %。买二送一：每 3 件，100 %。</translation>
    </message>
</context>
</TS>
