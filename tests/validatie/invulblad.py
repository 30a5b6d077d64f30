"""Fills in an invulblad as a partner's spreadsheet program would: with
openpyxl, a program techniekpact did not write.

    invulblad.py BLAD.xlsx UIT.xlsx EDITS.json

EDITS is a list of [sheet, row, column, value]: row is an id in column A
(or a cell reference like "A4" with column null), column a header in row 1.
Prints, as JSON, what the sheet looks like to a partner: per sheet whether
it is protected, and which cells are unlocked (the input cells).
"""

import json
import sys

import openpyxl


def main():
    src, out, edits = sys.argv[1], sys.argv[2], json.load(open(sys.argv[3]))
    wb = openpyxl.load_workbook(src)
    for sheet, row, column, value in edits:
        ws = wb[sheet]
        if column is None:
            ws[row].value = value
            continue
        headers = [c.value for c in ws[1]]
        col = headers.index(column) + 1
        rows = [r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == row]
        if len(rows) != 1:
            raise SystemExit(f"{sheet}: no single row {row!r}")
        ws.cell(rows[0], col).value = value
    look = {}
    for ws in wb:
        unlocked = sorted(
            {ws.cell(1, c.column).value for r in ws.iter_rows(min_row=2) for c in r if not c.protection.locked}
        )
        look[ws.title] = {"protected": bool(ws.protection.sheet), "unlocked": unlocked}
    wb.save(out)
    print(json.dumps(look))


main()
