<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to ecdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell ecdesk about your shop. You can change this later under Settings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening the shop…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: this shop is open elsewhere, or its file, folder or drive cannot be written. You can look everything up; changes cannot be saved.</source>
        <translation>只读：此店铺正在别处打开，或者它的文件、文件夹或驱动器无法写入。可以查阅所有内容，但修改无法保存。</translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search everything (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New shop…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open shop…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export products…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save import &amp;template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to page…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About ecdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This shop is open read-only: nothing can be imported into it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This shop is open read-only: nothing can be added to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ecdesk shops (*.ecdesk *.sqlite *.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ecdesk shops (*.ecdesk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s already exists; use File &gt; Open shop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up to which folder?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore which backup?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ecdesk shops and backups (*.ecdesk *.sqlite);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the backup and the shop…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save import template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The template could not be saved: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import template saved to %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About ecdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ecdesk %s
Offline store management for small multi-marketplace shops.
Your data stays in one file you own:
%s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PagePalette</name>
    <message>
        <source>Go to page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page name…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Open read-only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <source>This shop is open in %s.

Open it read-only to look things up? Changes can only be made there.</source>
        <translation>此店铺正在 %s 中打开。

以只读方式打开以便查阅吗？只能在那里进行修改。</translation>
    </message>
    <message>
        <source>%s is read-only (a locked USB stick, a read-only folder or a file without write permission). ecdesk opens it for viewing; changes cannot be saved.</source>
        <translation>%s 是只读的（上锁的 U 盘、只读文件夹或没有写权限的文件）。ecdesk 以查看方式打开它；修改无法保存。</translation>
    </message>
    <message>
        <source>%s

Restore the newest good backup, taken %s? The file as it is now is kept beside it.</source>
        <translation>%s

恢复最新的完好备份（备份于 %s）吗？当前的文件会保留在旁边。</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore &lt;b&gt;%s&lt;/b&gt; (shop “%s”, taken %s)?&lt;br&gt;The current shop is backed up first, so this can be undone by restoring that copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShopClock</name>
    <message>
        <source>%s shop time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Back up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying and checking the shop…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>self.window</name>
    <message>
        <source>Restored %s.
The shop as it was is kept in %s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
