<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BaseFilePage</name>
    <message>
        <source>Choose the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path of a .csv or .xlsx file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect from the columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import which file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no file at %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %s…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not sure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format: &lt;b&gt;%s&lt;/b&gt; (%s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoding: &lt;b&gt;%s&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ecdesk is not sure about the format: choose it above if this is not a %s file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BaseImportPage</name>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything is written in one step: a cancelled or refused import leaves the shop as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing… Nothing is kept if you cancel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import was cancelled: nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BasePreviewPage</name>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the import would do. Nothing has been written yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the file against the shop…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%d error(s), %d warning(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>page</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Please check</source>
        <translation type="unfinished"></translation>
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
