<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Dashboard</source>
        <translation>经营概况</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Listings</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>New &amp;product…</source>
        <translation>新建商品(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Import products…</source>
        <translation>导入商品(&amp;I)…</translation>
    </message>
    <message>
        <source>Pricing</source>
        <translation>定价</translation>
    </message>
    <message>
        <source>New price &amp;rule…</source>
        <translation>新建定价规则(&amp;R)…</translation>
    </message>
    <message>
        <source>Import &amp;market prices…</source>
        <translation>导入市场价格(&amp;M)…</translation>
    </message>
    <message>
        <source>Promotions</source>
        <translation>促销</translation>
    </message>
    <message>
        <source>New pro&amp;motion…</source>
        <translation>新建促销活动(&amp;M)…</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Orders and service</source>
        <translation>订单与售后</translation>
    </message>
    <message>
        <source>New or&amp;der…</source>
        <translation>新建订单(&amp;D)…</translation>
    </message>
    <message>
        <source>Import &amp;orders…</source>
        <translation>导入订单(&amp;O)…</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>New &amp;ticket…</source>
        <translation>新建工单(&amp;T)…</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存管理</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>New &amp;supplier…</source>
        <translation>新建供应商(&amp;S)…</translation>
    </message>
    <message>
        <source>Purchasing</source>
        <translation>采购</translation>
    </message>
    <message>
        <source>New purchase order…</source>
        <translation>新建采购单…</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>客服与售后</translation>
    </message>
</context>
<context>
    <name>BackupDialogs</name>
    <message>
        <source>Back up</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Copying and checking the shop…</source>
        <translation>正在复制并检查店铺…</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to ecdesk</source>
        <translation>欢迎使用 ecdesk</translation>
    </message>
    <message>
        <source>Tell ecdesk about your shop. You can change this later under Settings.</source>
        <translation>请告诉 ecdesk 你的店铺信息。之后可在设置中修改。</translation>
    </message>
    <message>
        <source>Your sales channels</source>
        <translation>你的销售渠道</translation>
    </message>
    <message>
        <source>Channel %1: %2</source>
        <translation>渠道 %1：%2</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>ecdesk user guide</source>
        <translation>ecdesk 使用指南</translation>
    </message>
    <message>
        <source>Start and shortcuts</source>
        <translation>开始与快捷键</translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <source>Something went wrong: %1

Nothing you saved before is lost. The details are in %2.</source>
        <translation>出错了：%1

之前保存的内容都不会丢失。详细信息在 %2。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening the shop…</source>
        <translation>正在打开店铺…</translation>
    </message>
    <message>
        <source>Read-only: this shop is open elsewhere, or its file, folder or drive cannot be written. You can look everything up; changes cannot be saved.</source>
        <translation>只读：此店铺正在别处打开，或者它的文件、文件夹或驱动器无法写入。可以查阅所有内容，但修改无法保存。</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Search everything (Ctrl+K)</source>
        <translation>搜索全部（Ctrl+K）</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New shop…</source>
        <translation>新建店铺(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open shop…</source>
        <translation>打开店铺(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>立即备份(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>恢复备份(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Export products…</source>
        <translation>导出商品(&amp;E)…</translation>
    </message>
    <message>
        <source>Save import &amp;template…</source>
        <translation>保存导入模板(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>Search everything</source>
        <translation>搜索全部</translation>
    </message>
    <message>
        <source>Go to page…</source>
        <translation>转到页面…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>使用指南(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;About ecdesk</source>
        <translation>关于 ecdesk(&amp;A)</translation>
    </message>
    <message>
        <source>This shop is open read-only: nothing can be imported into it.</source>
        <translation>此店铺以只读方式打开：不能导入任何内容。</translation>
    </message>
    <message>
        <source>This shop is open read-only: nothing can be added to it.</source>
        <translation>此店铺以只读方式打开：不能添加任何内容。</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <source>Open shop</source>
        <translation>打开店铺</translation>
    </message>
    <message>
        <source>ecdesk shops (*.ecdesk *.sqlite *.db);;All files (*)</source>
        <translation>ecdesk 店铺 (*.ecdesk *.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>New shop</source>
        <translation>新建店铺</translation>
    </message>
    <message>
        <source>ecdesk shops (*.ecdesk)</source>
        <translation>ecdesk 店铺 (*.ecdesk)</translation>
    </message>
    <message>
        <source>%s already exists; use File &gt; Open shop.</source>
        <translation>%s 已存在；请使用 文件 &gt; 打开店铺。</translation>
    </message>
    <message>
        <source>Back up to which folder?</source>
        <translation>备份到哪个文件夹？</translation>
    </message>
    <message>
        <source>Restore which backup?</source>
        <translation>恢复哪个备份？</translation>
    </message>
    <message>
        <source>ecdesk shops and backups (*.ecdesk *.sqlite);;All files (*)</source>
        <translation>ecdesk 店铺和备份 (*.ecdesk *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Checking the backup and the shop…</source>
        <translation>正在检查备份和店铺…</translation>
    </message>
    <message>
        <source>Save import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>The template could not be saved: %s</source>
        <translation>无法保存模板：%s</translation>
    </message>
    <message>
        <source>Import template saved to %s</source>
        <translation>导入模板已保存到 %s</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>About ecdesk</source>
        <translation>关于 ecdesk</translation>
    </message>
    <message>
        <source>ecdesk %s
Offline store management for small multi-marketplace shops.
Your data stays in one file you own:
%s</source>
        <translation>ecdesk %s
面向多平台小店铺的离线店铺管理。
你的数据保存在一个属于你的文件中：
%s</translation>
    </message>
</context>
<context>
    <name>NewChannelsEditor</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Add a channel</source>
        <translation>添加渠道</translation>
    </message>
    <message>
        <source>Where you sell: each store or marketplace is a channel with its own prices and currency. A row without a name is left out; you can add channels later under Settings.</source>
        <translation>你在哪里销售：每个店铺或平台是一个渠道，有自己的价格和币种。没有名称的行不会创建；以后也可以在“设置”中添加渠道。</translation>
    </message>
    <message>
        <source>e.g. Tmall flagship store</source>
        <translation>例如：天猫旗舰店</translation>
    </message>
    <message>
        <source>Remove this channel</source>
        <translation>删除此渠道</translation>
    </message>
</context>
<context>
    <name>PagePalette</name>
    <message>
        <source>Go to page</source>
        <translation>转到页面</translation>
    </message>
    <message>
        <source>Page name…</source>
        <translation>页面名称…</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>unknown date</source>
        <translation>日期未知</translation>
    </message>
    <message>
        <source>Restore &lt;b&gt;%s&lt;/b&gt; (shop “%s”, taken %s)?&lt;br&gt;The current shop is backed up first, so this can be undone by restoring that copy.</source>
        <translation>恢复 &lt;b&gt;%s&lt;/b&gt;（店铺“%s”，备份于 %s）？&lt;br&gt;会先备份当前店铺，因此恢复那份副本即可撤销。</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>In the backup</source>
        <translation>备份中</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>ShopClock</name>
    <message>
        <source>%s shop time</source>
        <translation>店铺时间 %s</translation>
    </message>
</context>
<context>
    <name>ShopContext</name>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>ShopController</name>
    <message>
        <source>Restored %s.
The shop as it was is kept in %s.</source>
        <translation>已恢复 %s。
原来的店铺保存在 %s。</translation>
    </message>
</context>
<context>
    <name>ShopOpener</name>
    <message>
        <source>This shop is open in %s.

Open it read-only to look things up? Changes can only be made there.</source>
        <translation>此店铺已在 %s 中打开。

以只读方式打开以便查询？只能在那里修改。</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <source>%s is read-only (a locked USB stick, a read-only folder or a file without write permission). ecdesk opens it for viewing; changes cannot be saved.</source>
        <translation>%s 是只读的（锁定的 U 盘、只读文件夹或没有写权限的文件）。ecdesk 以查看方式打开它；修改无法保存。</translation>
    </message>
    <message>
        <source>Looking for the newest good backup…</source>
        <translation>正在查找最新的完好备份…</translation>
    </message>
    <message>
        <source>%s

Restore the newest good backup, taken %s? The file as it is now is kept beside it.</source>
        <translation>%s

恢复最新的完好备份（备份于 %s）？当前文件会保留在旁边。</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
</context>
</TS>
