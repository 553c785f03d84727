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
</TS>
