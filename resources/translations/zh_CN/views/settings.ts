<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ChannelDialog</name>
    <message>
        <source>Add channel</source>
        <translation>添加渠道</translation>
    </message>
    <message>
        <source>Edit channel</source>
        <translation>编辑渠道</translation>
    </message>
    <message>
        <source>After discounts (what the buyer paid)</source>
        <translation>折扣后（买家实付）</translation>
    </message>
    <message>
        <source>Before discounts</source>
        <translation>折扣前</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>佣金</translation>
    </message>
    <message>
        <source>Payment fee</source>
        <translation>支付手续费</translation>
    </message>
    <message>
        <source>Fee per order</source>
        <translation>每单费用</translation>
    </message>
    <message>
        <source>Fee per unit</source>
        <translation>每件费用</translation>
    </message>
    <message>
        <source>Percentage fees charged on</source>
        <translation>按比例收费的基数</translation>
    </message>
</context>
<context>
    <name>LanguageBox</name>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Menus, pages, messages and new reports.</source>
        <translation>菜单、页面、消息和新报表。</translation>
    </message>
    <message>
        <source>Applies when ecdesk starts again.</source>
        <translation>重新启动 ecdesk 后生效。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>佣金</translation>
    </message>
    <message>
        <source>Payment fee</source>
        <translation>支付手续费</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Add channel…</source>
        <translation>添加渠道…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Archive / restore</source>
        <translation>归档 / 恢复</translation>
    </message>
    <message>
        <source>Sales channels</source>
        <translation>销售渠道</translation>
    </message>
    <message>
        <source>Automatic backups</source>
        <translation>自动备份</translation>
    </message>
    <message>
        <source>Keep daily</source>
        <translation>保留每日</translation>
    </message>
    <message>
        <source>weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <source>monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Folder: %s</source>
        <translation>文件夹：%s</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>active</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Archive channel</source>
        <translation>归档渠道</translation>
    </message>
    <message>
        <source>Archive %s? Its listings are kept; its column leaves the Listings table.</source>
        <translation>归档 %s？其宝贝会保留；它的列会从商品表中移除。</translation>
    </message>
</context>
<context>
    <name>ShopSettingsForm</name>
    <message>
        <source>e.g. Lin&apos;s Tea House 林家茶铺</source>
        <translation>例如 林家茶铺</translation>
    </message>
    <message>
        <source>What you keep of a price, as a share of it: (price - cost - the channel&apos;s commission and payment fee) / price. A listing under this minimum is shown in red on the Listings page. The list price has no channel, so its margin is price less cost. SKUs without a cost are not judged.</source>
        <translation>价格中留给你的部分占价格的比例：（价格 − 成本 − 渠道佣金和支付手续费）/ 价格。低于此最低值的宝贝在商品页面以红色显示。标价没有渠道，其毛利率为价格减成本。没有成本的 SKU 不做判断。</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>店铺名称</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Timezone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Minimum margin after channel fees</source>
        <translation>扣除平台费用后的最低毛利率</translation>
    </message>
</context>
<context>
    <name>StockDefaultsBox</name>
    <message>
        <source>is required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a whole number</source>
        <translation>“%1”不是整数</translation>
    </message>
    <message>
        <source>must be at least %1</source>
        <translation>不能小于 %1</translation>
    </message>
    <message>
        <source>must be at most %1</source>
        <translation>不能大于 %1</translation>
    </message>
    <message>
        <source>Stock defaults</source>
        <translation>库存默认值</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>允许</translation>
    </message>
    <message>
        <source>Shipping may take on hand below zero</source>
        <translation>发货可使实际库存低于零</translation>
    </message>
    <message>
        <source>Used by every SKU without its own stock rules (Inventory &gt; Stock rules).</source>
        <translation>用于没有自己库存规则的 SKU（库存 &gt; 库存规则）。</translation>
    </message>
    <message>
        <source>Save stock defaults</source>
        <translation>保存库存默认值</translation>
    </message>
</context>
</TS>
