<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>DashboardPage</name>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>最近 90 天</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>最近 12 个月</translation>
    </message>
    <message>
        <source>Sales and gross margin</source>
        <translation>销售额与毛利</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Sales by channel</source>
        <translation>各渠道销售额</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Best selling SKUs</source>
        <translation>畅销 SKU</translation>
    </message>
    <message>
        <source>Slowest selling SKUs</source>
        <translation>滞销 SKU</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>期间：</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>渠道：</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部渠道</translation>
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
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>{period} · updated {time}</source>
        <translation>{period} · 更新于 {time}</translation>
    </message>
    <message>
        <source>Could not compute the dashboard: {error}</source>
        <translation>无法计算经营概况：{error}</translation>
    </message>
    <message>
        <source>Sales and gross margin by week</source>
        <translation>每周销售额与毛利</translation>
    </message>
    <message>
        <source>Sales and gross margin by day</source>
        <translation>每日销售额与毛利</translation>
    </message>
</context>
<context>
    <name>DashboardTiles</name>
    <message>
        <source>= %s on the previous period</source>
        <translation>= %s（与上期持平）</translation>
    </message>
    <message>
        <source>%s pts</source>
        <translation>%s 个百分点</translation>
    </message>
    <message>
        <source>%s %s on the previous period</source>
        <translation>%s %s（较上期）</translation>
    </message>
</context>
</TS>
