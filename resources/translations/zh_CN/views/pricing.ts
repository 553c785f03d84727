<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ConsistencyPanel</name>
    <message>
        <source>%1 SKUs are priced more than %2 apart across their channels.</source>
        <translation>有 %1 个 SKU 的各渠道价格相差超过 %2。</translation>
    </message>
</context>
<context>
    <name>MarketPanel</name>
    <message>
        <source>Add…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Import market prices…</source>
        <translation>导入市场价格…</translation>
    </message>
    <message>
        <source>Search SKU…</source>
        <translation>搜索商家编码…</translation>
    </message>
    <message>
        <source>A file needs the columns SKU, Price and Date (YYYY-MM-DD); Channel (empty: any channel) and Source are optional. A rule based on the market price reads the newest price of the SKU on its channel, else on any channel.</source>
        <translation>文件需要包含 SKU、价格和日期（YYYY-MM-DD）列；渠道（留空表示任意渠道）和来源可选。以市场价为基准的规则读取该 SKU 在其渠道上最新的价格，没有时读取任意渠道的价格。</translation>
    </message>
    <message>
        <source>Delete market price</source>
        <translation>删除市场价</translation>
    </message>
    <message>
        <source>Delete the market price %1 of %2 seen on %3? A rule based on the market price then reads the next newest.</source>
        <translation>删除 %2 于 %3 记录的市场价 %1？按市场价定价的规则随后读取次新的市场价。</translation>
    </message>
    <message>
        <source>Import market prices</source>
        <translation>导入市场价格</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx);;All files (*)</source>
        <translation>表格文件 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Importing market prices</source>
        <translation>正在导入市场价格</translation>
    </message>
</context>
<context>
    <name>MarketPriceDialog</name>
    <message>
        <source>New market price</source>
        <translation>新增市场价</translation>
    </message>
    <message>
        <source>Market price of %1</source>
        <translation>%1 的市场价</translation>
    </message>
    <message>
        <source>Any channel</source>
        <translation>任意渠道</translation>
    </message>
    <message>
        <source>A competitor, a price site…</source>
        <translation>竞品、比价网站…</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <source>Preview all rules</source>
        <translation>预览全部规则</translation>
    </message>
    <message>
        <source>Apply all…</source>
        <translation>全部应用…</translation>
    </message>
    <message>
        <source>Apply selected…</source>
        <translation>应用所选…</translation>
    </message>
    <message>
        <source>Undo last apply…</source>
        <translation>撤销上次应用…</translation>
    </message>
    <message>
        <source>Search SKU…</source>
        <translation>搜索商家编码…</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>全部行</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>已标记</translation>
    </message>
    <message>
        <source>Changes only</source>
        <translation>只看变动</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Flag changes above %</source>
        <translation>变动超过此百分比时标记</translation>
    </message>
    <message>
        <source>Export price history…</source>
        <translation>导出价格历史…</translation>
    </message>
    <message>
        <source>channels apart above %</source>
        <translation>渠道价差超过此百分比</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Type each limit as a percentage, e.g. 20.</source>
        <translation>请以百分比填写各项限值，例如 20。</translation>
    </message>
    <message>
        <source>All prices</source>
        <translation>全部价格</translation>
    </message>
    <message>
        <source>List prices</source>
        <translation>标价</translation>
    </message>
    <message>
        <source>No preview yet, or the rules price nothing: press Preview all rules (F5).</source>
        <translation>还没有预览，或规则没有为任何商品定价：请按“预览全部规则”（F5）。</translation>
    </message>
    <message>
        <source>%1 prices looked at; %2 would change (%3 stored prices written); %4 of the changes are flagged.</source>
        <translation>共检查 %1 个价格；%2 个会变动（写入 %3 个已存价格）；其中 %4 个变动被标记。</translation>
    </message>
    <message>
        <source>Previewing the price rules</source>
        <translation>正在预览定价规则</translation>
    </message>
    <message>
        <source>Write %1 prices? The shop is backed up first, and Undo last apply puts them back.</source>
        <translation>写入 %1 个价格？会先备份店铺，“撤销上次应用”可以恢复。</translation>
    </message>
    <message>
        <source>%1 of them are flagged (below the margin floor or cost, a big change, or channels now inconsistent).</source>
        <translation>其中 %1 个被标记（低于最低毛利率或成本、大幅变动，或渠道价格不一致）。</translation>
    </message>
    <message>
        <source>Apply prices</source>
        <translation>应用价格</translation>
    </message>
    <message>
        <source>Applying prices</source>
        <translation>正在应用价格</translation>
    </message>
    <message>
        <source>Undo last apply</source>
        <translation>撤销上次应用</translation>
    </message>
    <message>
        <source>Put back every price the last apply wrote?</source>
        <translation>恢复上次应用写入的所有价格？</translation>
    </message>
    <message>
        <source>Undoing the last apply</source>
        <translation>正在撤销上次应用</translation>
    </message>
    <message>
        <source>Export the price history to</source>
        <translation>价格历史导出到</translation>
    </message>
    <message>
        <source>CSV (*.csv);;Excel workbook (*.xlsx)</source>
        <translation>CSV (*.csv);;Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting the price history</source>
        <translation>正在导出价格历史</translation>
    </message>
</context>
<context>
    <name>PricingPage</name>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Preview and apply</source>
        <translation>预览与应用</translation>
    </message>
    <message>
        <source>Market prices</source>
        <translation>市场价格</translation>
    </message>
    <message>
        <source>Channel consistency</source>
        <translation>渠道价格一致性</translation>
    </message>
</context>
<context>
    <name>RuleEditor</name>
    <message>
        <source>All SKUs</source>
        <translation>全部 SKU</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类目</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>宝贝</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>商家编码</translation>
    </message>
    <message>
        <source>Cost plus markup %</source>
        <translation>成本加成 %</translation>
    </message>
    <message>
        <source>Target margin after fees %</source>
        <translation>扣费后目标毛利率 %</translation>
    </message>
    <message>
        <source>Percent or amount off another price</source>
        <translation>在其他价格基础上按比例或金额加减</translation>
    </message>
    <message>
        <source>Fixed price</source>
        <translation>固定价格</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>标价</translation>
    </message>
    <message>
        <source>Compare-at price</source>
        <translation>划线价</translation>
    </message>
    <message>
        <source>Another channel&apos;s price</source>
        <translation>其他渠道的价格</translation>
    </message>
    <message>
        <source>Market reference price</source>
        <translation>市场参考价</translation>
    </message>
    <message>
        <source>No ending</source>
        <translation>不设尾数</translation>
    </message>
    <message>
        <source>…9 (19, 29)</source>
        <translation>…9（19、29）</translation>
    </message>
    <message>
        <source>…8 (18, 28)</source>
        <translation>…8（18、28）</translation>
    </message>
    <message>
        <source>New price rule</source>
        <translation>新建定价规则</translation>
    </message>
    <message>
        <source>Edit price rule</source>
        <translation>编辑定价规则</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Category path, tag, brand, product title or SKU</source>
        <translation>类目路径、标签、品牌、宝贝标题或商家编码</translation>
    </message>
    <message>
        <source>List price (no channel)</source>
        <translation>标价（不指定渠道）</translation>
    </message>
    <message>
        <source>percent, e.g. 35</source>
        <translation>百分比，例如 35</translation>
    </message>
    <message>
        <source>amount; negative adds</source>
        <translation>金额；负数表示加价</translation>
    </message>
    <message>
        <source>e.g. 1.00</source>
        <translation>例如 1.00</translation>
    </message>
    <message>
        <source>the shop&apos;s minimum</source>
        <translation>店铺的最低毛利率</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>适用范围</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>From quantity</source>
        <translation>起购数量</translation>
    </message>
    <message>
        <source>Computation</source>
        <translation>计算方式</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>百分比</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Based on</source>
        <translation>基准</translation>
    </message>
    <message>
        <source>Base channel</source>
        <translation>基准渠道</translation>
    </message>
    <message>
        <source>Round to a multiple of</source>
        <translation>取整到倍数</translation>
    </message>
    <message>
        <source>Ending</source>
        <translation>尾数</translation>
    </message>
    <message>
        <source>Minimum price</source>
        <translation>最低价</translation>
    </message>
    <message>
        <source>Maximum price</source>
        <translation>最高价</translation>
    </message>
    <message>
        <source>Minimum margin after fees %</source>
        <translation>扣费后最低毛利率 %</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Ends (last day)</source>
        <translation>结束日期（含当天）</translation>
    </message>
    <message>
        <source>Review on (定期评估)</source>
        <translation>评估日期（定期评估）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Live example</source>
        <translation>实时示例</translation>
    </message>
    <message>
        <source>SKU to try the rule on</source>
        <translation>用于试算规则的商家编码</translation>
    </message>
    <message>
        <source>Type a SKU above to see what this rule makes of it.</source>
        <translation>在上方输入商家编码，查看此规则的定价结果。</translation>
    </message>
    <message>
        <source>Fix the rule to see the example.</source>
        <translation>请先修正规则再查看示例。</translation>
    </message>
</context>
<context>
    <name>RulesPanel</name>
    <message>
        <source>New rule…</source>
        <translation>新建规则…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Switch off</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>The most specific rule prices each SKU (SKU, then product, then brand, category or tag, then all SKUs; a channel&apos;s own rule before a general one); among equals, the higher in this list. Drag a rule or press Ctrl+Up / Ctrl+Down to move it.</source>
        <translation>每个 SKU 由最具体的规则定价（商家编码，其次宝贝，再次品牌、类目或标签，最后全部 SKU；渠道规则优先于通用规则）；同等具体时，列表中靠上的优先。拖动规则或按 Ctrl+上/下 调整顺序。</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>标价</translation>
    </message>
    <message>
        <source>off</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>not in its dates</source>
        <translation>不在有效期内</translation>
    </message>
    <message>
        <source>review due</source>
        <translation>到期评估</translation>
    </message>
    <message>
        <source>Switch on</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>删除规则</translation>
    </message>
    <message>
        <source>Delete the rule &apos;%1&apos;? Prices it set stay as they are; switching it off keeps its settings.</source>
        <translation>删除规则“%1”？它设置的价格保持不变；停用则会保留其设置。</translation>
    </message>
</context>
<context>
    <name>pricing</name>
    <message>
        <source>List price</source>
        <translation>标价</translation>
    </message>
    <message>
        <source>follows list</source>
        <translation>跟随标价</translation>
    </message>
    <message>
        <source>This listing has no price of its own: it follows the list price, and applying writes nothing for it.</source>
        <translation>该渠道宝贝没有自己的价格：跟随标价，应用时不会为其写入价格。</translation>
    </message>
    <message>
        <source>below margin floor</source>
        <translation>低于最低毛利率</translation>
    </message>
    <message>
        <source>below cost</source>
        <translation>低于成本</translation>
    </message>
    <message>
        <source>big change</source>
        <translation>大幅变动</translation>
    </message>
    <message>
        <source>channels inconsistent</source>
        <translation>渠道价格不一致</translation>
    </message>
    <message>
        <source>no price</source>
        <translation>无法定价</translation>
    </message>
    <message>
        <source>Any channel</source>
        <translation>任意渠道</translation>
    </message>
</context>
</TS>
