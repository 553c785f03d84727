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
<context>
    <name>FirstStepsPanel</name>
    <message>
        <source>1. Add your sales channels</source>
        <translation>1. 添加销售渠道</translation>
    </message>
    <message>
        <source>Each store or marketplace you sell on, with its currency and fees.</source>
        <translation>你销售的每个店铺或平台，及其币种和费用。</translation>
    </message>
    <message>
        <source>Add a channel…</source>
        <translation>添加渠道…</translation>
    </message>
    <message>
        <source>2. Import your catalog or add a product</source>
        <translation>2. 导入商品目录或添加商品</translation>
    </message>
    <message>
        <source>A Shopify or Taobao export, an ecdesk template, or one product by hand.</source>
        <translation>Shopify 或淘宝的导出文件、ecdesk 模板，或手动添加一个商品。</translation>
    </message>
    <message>
        <source>Import products…</source>
        <translation>导入商品…</translation>
    </message>
    <message>
        <source>New product…</source>
        <translation>新建商品…</translation>
    </message>
    <message>
        <source>3. Set the stock on hand</source>
        <translation>3. 设置现有库存</translation>
    </message>
    <message>
        <source>Count what is on the shelf: the available stock and the alerts start from it.</source>
        <translation>盘点货架上的库存：可用库存和预警都以此为起点。</translation>
    </message>
    <message>
        <source>Stock count…</source>
        <translation>盘点…</translation>
    </message>
    <message>
        <source>4. Import your orders</source>
        <translation>4. 导入订单</translation>
    </message>
    <message>
        <source>The platforms&apos; order exports (Shopify, Taobao/Tmall, JD, Pinduoduo, Douyin), or an order by hand.</source>
        <translation>各平台导出的订单（Shopify、淘宝/天猫、京东、拼多多、抖音），或手动录入订单。</translation>
    </message>
    <message>
        <source>Import orders…</source>
        <translation>导入订单…</translation>
    </message>
    <message>
        <source>New order…</source>
        <translation>新建订单…</translation>
    </message>
    <message>
        <source>First steps</source>
        <translation>入门步骤</translation>
    </message>
</context>
</TS>
