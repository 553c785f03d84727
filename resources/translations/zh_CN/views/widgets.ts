<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BaseFilePage</name>
    <message>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>Path of a .csv or .xlsx file</source>
        <translation>.csv 或 .xlsx 文件的路径</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Detect from the columns</source>
        <translation>根据列自动识别</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>识别</translation>
    </message>
    <message>
        <source>Read again</source>
        <translation>重新读取</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Import which file?</source>
        <translation>导入哪个文件？</translation>
    </message>
    <message>
        <source>There is no file at %s</source>
        <translation>%s 处没有文件</translation>
    </message>
    <message>
        <source>Reading %s…</source>
        <translation>正在读取 %s…</translation>
    </message>
    <message>
        <source>detected</source>
        <translation>已识别</translation>
    </message>
    <message>
        <source>not sure</source>
        <translation>不确定</translation>
    </message>
    <message>
        <source>Format: &lt;b&gt;%s&lt;/b&gt; (%s)</source>
        <translation>格式：&lt;b&gt;%s&lt;/b&gt;（%s）</translation>
    </message>
    <message>
        <source>Encoding: &lt;b&gt;%s&lt;/b&gt;</source>
        <translation>编码：&lt;b&gt;%s&lt;/b&gt;</translation>
    </message>
    <message>
        <source>ecdesk is not sure about the format: choose it above if this is not a %s file.</source>
        <translation>ecdesk 不确定文件格式：如果这不是 %s 文件，请在上方选择。</translation>
    </message>
    <message>
        <source>Reading was cancelled.</source>
        <translation>读取已取消。</translation>
    </message>
</context>
<context>
    <name>BaseImportPage</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Everything is written in one step: a cancelled or refused import leaves the shop as it was.</source>
        <translation>所有内容一步写入：取消或被拒绝的导入不会改变店铺。</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>Importing… Nothing is kept if you cancel.</source>
        <translation>正在导入… 如果取消，不会保留任何内容。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>未导入任何内容。</translation>
    </message>
    <message>
        <source>The import was cancelled: nothing was written.</source>
        <translation>导入已取消：未写入任何内容。</translation>
    </message>
</context>
<context>
    <name>BasePreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>What the import would do. Nothing has been written yet.</source>
        <translation>导入将要做的事情。尚未写入任何内容。</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Checking the file against the shop…</source>
        <translation>正在对照店铺检查文件…</translation>
    </message>
    <message>
        <source>%d error(s), %d warning(s).</source>
        <translation>%d 个错误，%d 个警告。</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <source>%s: %d error(s)</source>
        <translation>%s：%d 个错误</translation>
    </message>
    <message>
        <source>%s: %d warning(s)</source>
        <translation>%s：%d 个警告</translation>
    </message>
    <message>
        <source>Checking was cancelled: choose the channel again to check once more.</source>
        <translation>检查已取消：重新选择渠道可再次检查。</translation>
    </message>
</context>
<context>
    <name>ChannelFilter</name>
    <message>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <source>Search a customer by name, e-mail, phone or handle</source>
        <translation>按姓名、邮箱、电话或买家账号搜索客户</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Please check</source>
        <translation>请检查</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>WizardParts</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>price_breakdown</name>
    <message>
        <source>&lt;b&gt;Price %1&lt;/b&gt; (now %2)</source>
        <translation>&lt;b&gt;价格 %1&lt;/b&gt;（当前 %2）</translation>
    </message>
    <message>
        <source>Fees %1 · margin after fees %2</source>
        <translation>费用 %1 · 扣费后毛利率 %2</translation>
    </message>
</context>
</TS>
