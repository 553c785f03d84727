<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ChannelDialog</name>
    <message>
        <source>Add channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit channel</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fee per order</source>
        <translation>每单固定费用</translation>
    </message>
    <message>
        <source>Fee per unit</source>
        <translation>每件固定费用</translation>
    </message>
    <message>
        <source>Percentage fees charged on</source>
        <translation>按比例费用的计收基数</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Save settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add channel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive / restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep daily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weekly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>monthly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive %s? Its listings are kept; its column leaves the Listings table.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShopSettingsForm</name>
    <message>
        <source>e.g. Lin&apos;s Tea House 林家茶铺</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you keep of a price, as a share of it: (price - cost - the channel&apos;s commission and payment fee) / price. A listing under this minimum is shown in red on the Listings page. The list price has no channel, so its margin is price less cost. SKUs without a cost are not judged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timezone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum margin after channel fees</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StockDefaultsBox</name>
    <message>
        <source>Stock defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipping may take on hand below zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used by every SKU without its own stock rules (Inventory &gt; Stock rules).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save stock defaults</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
