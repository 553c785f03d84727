<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CloseTicketDialog</name>
    <message>
        <source>Close ticket %1</source>
        <translation>关闭工单 %1</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>未评价</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评价内容</translation>
    </message>
</context>
<context>
    <name>NewTicketDialog</name>
    <message>
        <source>New ticket</source>
        <translation>新建工单</translation>
    </message>
    <message>
        <source>Order number (optional)</source>
        <translation>订单号（可选）</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Returnable</source>
        <translation>可退数量</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Accept outside the channel&apos;s return window</source>
        <translation>超出渠道退货期限也受理</translation>
    </message>
    <message>
        <source>What the customer wrote</source>
        <translation>客户留言</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>(no customer)</source>
        <translation>（无客户）</translation>
    </message>
    <message>
        <source>Return or exchange — order %1</source>
        <translation>退货或换货 — 订单 %1</translation>
    </message>
    <message>
        <source>No order %1 on this channel</source>
        <translation>该渠道没有订单 %1</translation>
    </message>
</context>
<context>
    <name>ReceiveReturnDialog</name>
    <message>
        <source>Receive return — %1</source>
        <translation>签收退货 — %1</translation>
    </message>
    <message>
        <source>Sellable: back on the shelf</source>
        <translation>可售：放回货架</translation>
    </message>
    <message>
        <source>Damaged: received, then written off</source>
        <translation>破损：签收后报损</translation>
    </message>
    <message>
        <source>Accept outside the channel&apos;s return window</source>
        <translation>超出渠道退货期限也受理</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>货品状况</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Refund — %1</source>
        <translation>退款 — %1</translation>
    </message>
    <message>
        <source>The order</source>
        <translation>整个订单</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>For</source>
        <translation>针对</translation>
    </message>
</context>
<context>
    <name>ReplyBox</name>
    <message>
        <source>Write a reply… type / and a canned reply&apos;s title to insert it</source>
        <translation>输入回复…… 输入 / 加快捷回复标题即可插入</translation>
    </message>
</context>
<context>
    <name>ServiceSettingsDialog</name>
    <message>
        <source>Service settings</source>
        <translation>客服设置</translation>
    </message>
</context>
<context>
    <name>ServiceSettingsEditor</name>
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
        <source>Business calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <source>China: public holidays and 调休</source>
        <translation>中国：法定节假日和调休</translation>
    </message>
    <message>
        <source>None: weekdays only</source>
        <translation>无：仅按工作日</translation>
    </message>
    <message>
        <source>Save calendar</source>
        <translation>保存日历</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation>工作时间</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>Holidays and make-up days</source>
        <translation>节假日和调休</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Name (optional)</source>
        <translation>名称（可选）</translation>
    </message>
    <message>
        <source>Day off</source>
        <translation>休息日</translation>
    </message>
    <message>
        <source>Working day</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>As the library says</source>
        <translation>按节假日库</translation>
    </message>
    <message>
        <source>SLA targets (working minutes)</source>
        <translation>服务时效目标（工作分钟）</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>首次响应</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解决</translation>
    </message>
    <message>
        <source>Set by</source>
        <translation>设置来源</translation>
    </message>
    <message>
        <source>Save targets</source>
        <translation>保存目标</translation>
    </message>
    <message>
        <source>Return window</source>
        <translation>退货期限</translation>
    </message>
    <message>
        <source>Days after delivery</source>
        <translation>签收后天数</translation>
    </message>
    <message>
        <source>Transit days</source>
        <translation>在途天数</translation>
    </message>
    <message>
        <source>Canned replies</source>
        <translation>快捷回复</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Text; {customer}, {order}, {sku}, {ticket}, {today} and {due} are filled in</source>
        <translation>内容；{customer}、{order}、{sku}、{ticket}、{today} 和 {due} 会自动填入</translation>
    </message>
    <message>
        <source>Save reply</source>
        <translation>保存回复</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>节假日库</translation>
    </message>
    <message>
        <source>New canned reply</source>
        <translation>新建快捷回复</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a span such as 09:00-18:00</source>
        <translation>“%1”不是类似 09:00-18:00 的时段</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>TicketPane</name>
    <message>
        <source>Tags, separated by commas</source>
        <translation>标签，用逗号分隔</translation>
    </message>
    <message>
        <source>Save tags</source>
        <translation>保存标签</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Send reply</source>
        <translation>发送回复</translation>
    </message>
    <message>
        <source>Record the reply as sent (Ctrl+Return)</source>
        <translation>记录为已发送的回复（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Customer wrote</source>
        <translation>客户来信</translation>
    </message>
    <message>
        <source>Record a message received from the customer</source>
        <translation>记录客户发来的消息</translation>
    </message>
    <message>
        <source>Choose a ticket to see its thread.</source>
        <translation>选择一个工单查看往来记录。</translation>
    </message>
    <message>
        <source>(no customer)</source>
        <translation>（无客户）</translation>
    </message>
    <message>
        <source>order %1</source>
        <translation>订单 %1</translation>
    </message>
    <message>
        <source>Due: %1</source>
        <translation>期限：%1</translation>
    </message>
    <message>
        <source>Satisfaction: %1/5 %2</source>
        <translation>满意度：%1/5 %2</translation>
    </message>
    <message numerus="yes">
        <source>Reopened %n time(s)</source>
        <translation>
            <numerusform>重新打开 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>Replacement order: %1 (on the Orders page)</source>
        <translation>换货补发订单：%1（见订单页）</translation>
    </message>
</context>
<context>
    <name>TicketsPage</name>
    <message>
        <source>Open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Resolved or closed</source>
        <translation>已解决或已关闭</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Waiting on customer</source>
        <translation>等待客户</translation>
    </message>
    <message>
        <source>Waiting on supplier</source>
        <translation>等待供应商</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>解决</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>关闭…</translation>
    </message>
    <message>
        <source>Search ticket, subject, customer, order…</source>
        <translation>搜索工单、主题、客户、订单……</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>New ticket…</source>
        <translation>新建工单…</translation>
    </message>
    <message>
        <source>Receive return…</source>
        <translation>签收退货…</translation>
    </message>
    <message>
        <source>Refund…</source>
        <translation>退款…</translation>
    </message>
    <message>
        <source>Service settings…</source>
        <translation>客服设置…</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s)</source>
        <translation>
            <numerusform>%n 个工单</numerusform>
        </translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>计数中…</translation>
    </message>
</context>
<context>
    <name>TicketsTableModel</name>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>tickets</name>
    <message>
        <source>Pre-sale</source>
        <translation>售前</translation>
    </message>
    <message>
        <source>Order / shipping</source>
        <translation>售中（订单/物流）</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>换货</translation>
    </message>
    <message>
        <source>Refund only</source>
        <translation>仅退款</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Waiting on customer</source>
        <translation>等待客户</translation>
    </message>
    <message>
        <source>Waiting on supplier</source>
        <translation>等待供应商</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>No reason (7-day return)</source>
        <translation>七天无理由</translation>
    </message>
    <message>
        <source>Wrong size</source>
        <translation>尺码不合适</translation>
    </message>
    <message>
        <source>Quality problem</source>
        <translation>质量问题</translation>
    </message>
    <message>
        <source>Not as described</source>
        <translation>与描述不符</translation>
    </message>
    <message>
        <source>Wrong item sent</source>
        <translation>发错商品</translation>
    </message>
    <message>
        <source>Damaged in transit</source>
        <translation>运输途中损坏</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>换货</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>已超时 %1</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>还剩 %1</translation>
    </message>
</context>
</TS>
