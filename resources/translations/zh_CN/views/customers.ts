<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CustomerDialog</name>
    <message>
        <source>Customer %s</source>
        <translation>客户 %s</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>comma-separated, e.g. VIP, 回头客</source>
        <translation>用逗号分隔，如 VIP, 回头客</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <source>Search name, buyer id, e-mail, phone, tags, notes…</source>
        <translation>搜索姓名、买家账号、邮箱、电话、标签、备注…</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>分群</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>合并到…</translation>
    </message>
    <message>
        <source>Export list…</source>
        <translation>导出列表…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>%s customer(s)</source>
        <translation>%s 位客户</translation>
    </message>
    <message>
        <source>The customers could not be read: %s</source>
        <translation>无法读取客户：%s</translation>
    </message>
    <message>
        <source>Updating customer segments</source>
        <translation>正在更新客户分群</translation>
    </message>
    <message>
        <source>Updating the customer segments…</source>
        <translation>正在更新客户分群…</translation>
    </message>
    <message>
        <source>The customer segments could not be updated: %s</source>
        <translation>客户分群无法更新：%s</translation>
    </message>
    <message>
        <source>Repeat customers (last 365 days): %s · </source>
        <translation>复购率（近 365 天）：%s · </translation>
    </message>
    <message>
        <source>Select a customer to see their profile and orders.</source>
        <translation>选择一位客户以查看资料和订单。</translation>
    </message>
    <message>
        <source>Orders (%s)</source>
        <translation>订单（%s）</translation>
    </message>
    <message>
        <source>Tickets (%s)</source>
        <translation>工单（%s）</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>no purchases yet</source>
        <translation>尚未购买</translation>
    </message>
    <message>
        <source>Handles</source>
        <translation>买家账号</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Customer since</source>
        <translation>首次下单</translation>
    </message>
    <message>
        <source>Export customers</source>
        <translation>导出客户</translation>
    </message>
    <message>
        <source>CSV (*.csv);;Excel workbook (*.xlsx)</source>
        <translation>CSV (*.csv);;Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>未导出</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <source>%s customer(s) written to %s</source>
        <translation>已将 %s 位客户写入 %s</translation>
    </message>
</context>
<context>
    <name>CustomersTableModel</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>分群</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>消费金额</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>最近下单</translation>
    </message>
    <message>
        <source>R F M</source>
        <translation>R F M</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Recency %1, frequency %2, monetary %3 (1-5); %4 day(s) since the last order</source>
        <translation>最近度 %1，频次 %2，金额 %3（1-5）；距最近下单 %4 天</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge customer</source>
        <translation>合并客户</translation>
    </message>
    <message>
        <source>(choose the customer to keep)</source>
        <translation>（选择要保留的客户）</translation>
    </message>
    <message>
        <source>Merge %s (#%s) into</source>
        <translation>将 %s（#%s）合并到</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Its channel handles and orders move to that customer; it is kept, marked as merged, and the merge is in the audit trail.</source>
        <translation>其各渠道买家账号和订单将转到该客户名下；原客户保留并标记为已合并，合并记入操作日志。</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>search for the customer to keep and choose it</source>
        <translation>请搜索并选择要保留的客户</translation>
    </message>
    <message>
        <source>Not merged</source>
        <translation>未合并</translation>
    </message>
</context>
</TS>
