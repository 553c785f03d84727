<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>set by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold %s in the last %s days: %s a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sales in the last %s days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On hand %s · on open orders %s · available %s · on order %s · projected %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s · days of cover %s · lead time %s days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety stock %s · reorder point %s (%s) · maximum %s · order %s (packs of %s, at least %s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last sale %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>listed on %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snoozed until %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back (snoozed till %s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back: worse than acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How bad: %s %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertsPage</name>
    <message>
        <source>Search SKU or product…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show acknowledged and snoozed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snooze until…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receive stock…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking stock…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in Inventory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the SKU on the Inventory page, with its stock movements (Enter or double-click)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts could not be computed: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s shown · %s critical, %s warnings, %s for information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %s acknowledged or snoozed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alerts: all %s SKUs look fine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · checked %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · checking again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s alerts selected: acknowledge or snooze them together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an alert to see the numbers behind it; select several to acknowledge or snooze them together.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InventoryDetailPane</name>
    <message>
        <source>Select a SKU to see its stock movements.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading movements…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n movement(s), newest first</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No stock movements yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The movements could not be read: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suggested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On hand %s · committed %s · available %s · on order %s · sells %s a day · cover %s · reorder point %s (%s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InventoryPage</name>
    <message>
        <source>Search SKU, title, barcode, options…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receive stock…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjust / write off…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock count…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The table could not be read: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s SKU(s) · %s units on hand · value %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU %s is not in the inventory list: was it archived or removed?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matching &apos;%s&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s SKU(s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InventoryTableModel</name>
    <message>
        <source>Negative stock: more has left than the ledger says came in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On pending and paid orders not shipped yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units that sent purchase orders still expect</source>
        <translation>已发出的采购单中尚未到货的数量（在途）</translation>
    </message>
    <message>
        <source>%s sold in the last %s days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing sold in the last %s days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by hand in the SKU&apos;s stock rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested from sales: sales over the lead time plus safety stock</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <source>Snooze alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Hide %n alert(s) until the start of:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>They come back on %s (in %n day(s)), or sooner if they get worse.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StockAdjustDialog</name>
    <message>
        <source>Receive stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjust or write off stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On hand %s · committed %s · available %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. PO-2026-0012</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Movement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On hand after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An adjustment needs a reason, for the stock history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negative stock is not allowed for this SKU (see its stock rules)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StockRulesDialog</name>
    <message>
        <source>Stock rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sells %s a day (%s in the last %s days); available %s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave a field blank to use the shop default or the level suggested from sales (shown in grey).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop default (%s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use shop defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suggested: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shop default: %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StocktakeDialog</name>
    <message>
        <source>Stock count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SKUs on the Inventory page: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the SKUs I scan or type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan or type a SKU or barcode, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each scan counts one unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. year-end count, shelf A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post count…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start again with another sheet? The counts typed so far are dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan or type the SKUs you count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the SKUs to count…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n SKU(s) to count. Leave a SKU blank to keep its on-hand as it is.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No SKU or barcode &apos;%s&apos; in the shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n SKU(s) counted</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n differ</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>, net %s units</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> · %n not counted (left as they are)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Post the count? %s SKU(s) counted; %s differ and change on hand by %s units. SKUs left blank are not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posting the count (a backup is taken first)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posting the count…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not posted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without posting? The counts typed are dropped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StocktakeModel</name>
    <message>
        <source>Not counted: on hand stays as it is</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
