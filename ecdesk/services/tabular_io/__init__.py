"""Reading CSV and XLSX files of any kind: encodings, headers, cell values, problems.

What every file import shares and no capability owns: `table.open_table` reads a file as a
header and rows of text cells (CSV in any delimiter and encoding, or XLSX); `columns` finds
fields in a header by their aliases and says which format a header looks like (`formats`);
`row_reader.RowReader` turns one row's cells into checked values, collecting problems;
`values` cleans and neutralizes cells; `problems` describes a preview's problems; `bulk`
holds what writing a file's rows in batches needs. Catalog and order imports build on these.

Nothing here imports a capability (checked by tests/integration/test_layers.py).
"""
