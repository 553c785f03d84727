<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ItemDialog</name>
    <message>
        <source>Supplied SKU</source>
        <translation>供货 SKU</translation>
    </message>
    <message>
        <source>Preferred supplier for this SKU</source>
        <translation>设为该 SKU 的首选供应商</translation>
    </message>
    <message>
        <source>from quantity=unit cost, e.g. 50=2.40 100=2.20</source>
        <translation>起订数量=单价，例如 50=2.40 100=2.20</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Supplier&apos;s code</source>
        <translation>供应商货号</translation>
    </message>
    <message>
        <source>Supplier&apos;s name for it</source>
        <translation>供应商品名</translation>
    </message>
    <message>
        <source>Unit cost (supplier&apos;s currency)</source>
        <translation>成本价（供应商币种）</translation>
    </message>
    <message>
        <source>Minimum order quantity</source>
        <translation>起订量</translation>
    </message>
    <message>
        <source>Pack multiple</source>
        <translation>包装数量</translation>
    </message>
    <message>
        <source>Lead time (days; — : the supplier&apos;s)</source>
        <translation>到货周期（天；—：用供应商的）</translation>
    </message>
    <message>
        <source>Price breaks</source>
        <translation>阶梯价</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>There is no SKU %s</source>
        <translation>没有 SKU %s</translation>
    </message>
    <message>
        <source>Save anyway?</source>
        <translation>仍要保存？</translation>
    </message>
</context>
<context>
    <name>PagedTableModel</name>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Lead time</source>
        <translation>到货周期</translation>
    </message>
    <message>
        <source>SKUs</source>
        <translation>SKU 数</translation>
    </message>
    <message>
        <source>Open orders</source>
        <translation>未完成采购单</translation>
    </message>
</context>
<context>
    <name>SupplierDialog</name>
    <message>
        <source>New supplier</source>
        <translation>新建供应商</translation>
    </message>
    <message>
        <source>Supplier %s</source>
        <translation>供应商 %s</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>合作中</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>暂停合作</translation>
    </message>
    <message>
        <source>from</source>
        <translation>自</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>One file path per line (contracts, certificates, price lists)</source>
        <translation>每行一个文件路径（合同、证书、报价单）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
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
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>付款条件</translation>
    </message>
    <message>
        <source>Lead time (days)</source>
        <translation>到货周期（天）</translation>
    </message>
    <message>
        <source>Minimum order value</source>
        <translation>最低订货金额</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Next evaluation</source>
        <translation>下次评估</translation>
    </message>
    <message>
        <source>Service rating (1-5)</source>
        <translation>服务评分（1-5）</translation>
    </message>
    <message>
        <source>Innovation rating (1-5)</source>
        <translation>研发与创新评分（1-5）</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>SuppliersModel</name>
    <message>
        <source>On hold</source>
        <translation>暂停合作</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>合作中</translation>
    </message>
</context>
<context>
    <name>SuppliersPage</name>
    <message>
        <source>Search supplier or contact…</source>
        <translation>搜索供应商或联系人…</translation>
    </message>
    <message>
        <source>New supplier…</source>
        <translation>新建供应商…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Add SKU…</source>
        <translation>添加供货 SKU…</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
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
        <source>Their code</source>
        <translation>供应商货号</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>成本价</translation>
    </message>
    <message>
        <source>Price breaks</source>
        <translation>阶梯价</translation>
    </message>
    <message>
        <source>MOQ</source>
        <translation>起订量</translation>
    </message>
    <message>
        <source>Pack</source>
        <translation>包装数量</translation>
    </message>
    <message>
        <source>Lead time</source>
        <translation>到货周期</translation>
    </message>
    <message>
        <source>Preferred</source>
        <translation>首选</translation>
    </message>
    <message>
        <source>Supplies</source>
        <translation>供货</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>late</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预计到货</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已到货</translation>
    </message>
    <message>
        <source>Goods total</source>
        <translation>货款合计</translation>
    </message>
    <message>
        <source>Open orders</source>
        <translation>未完成采购单</translation>
    </message>
    <message>
        <source>Scorecards</source>
        <translation>供应商评分</translation>
    </message>
    <message>
        <source>Compare quotes</source>
        <translation>比价</translation>
    </message>
    <message>
        <source>Documents (double-click to open):</source>
        <translation>文件（双击打开）：</translation>
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
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>准时率</translation>
    </message>
    <message>
        <source>Fill rate</source>
        <translation>满足率</translation>
    </message>
    <message>
        <source>Lead time (actual / promised)</source>
        <translation>到货周期（实际 / 承诺）</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>拒收</translation>
    </message>
    <message>
        <source>Customer returns</source>
        <translation>客户退货</translation>
    </message>
    <message>
        <source>Price variance</source>
        <translation>价格波动</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Innovation</source>
        <translation>创新</translation>
    </message>
    <message>
        <source>Weights…</source>
        <translation>权重…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>按月</translation>
    </message>
    <message>
        <source>Select a supplier to see its score by month.</source>
        <translation>选择一个供应商，查看其按月评分。</translation>
    </message>
    <message>
        <source>The score (0-100) weighs each part by your weights; a part without data is left out.</source>
        <translation>得分（0-100）按您设置的权重加权各项；没有数据的项不计入。</translation>
    </message>
    <message>
        <source>SKU or barcode</source>
        <translation>SKU 或条形码</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>No supplier selected.</source>
        <translation>未选择供应商。</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>付款条件</translation>
    </message>
    <message>
        <source>%d days</source>
        <translation>%d 天</translation>
    </message>
    <message>
        <source>Minimum order value</source>
        <translation>最低订货金额</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>暂停合作</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>合作中</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Next evaluation</source>
        <translation>下次评估</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>service %1, innovation %2</source>
        <translation>服务 %1，创新 %2</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Computing the scorecards…</source>
        <translation>正在计算供应商评分…</translation>
    </message>
    <message>
        <source>The scorecards could not be computed: %s</source>
        <translation>无法计算供应商评分：%s</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>%1 by month</source>
        <translation>%1 按月评分</translation>
    </message>
    <message>
        <source>There is no SKU %s</source>
        <translation>没有 SKU %s</translation>
    </message>
    <message>
        <source>no supplier supplies it yet</source>
        <translation>还没有供应商供货</translation>
    </message>
</context>
<context>
    <name>WeightsDialog</name>
    <message>
        <source>Scorecard weights</source>
        <translation>评分权重</translation>
    </message>
</context>
</TS>
