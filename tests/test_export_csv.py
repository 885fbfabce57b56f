"""contacts.csv: Google Contacts' columns, read back by the csv module, formulas neutralised."""

from __future__ import annotations

import csv
from pathlib import Path

from test_export_all import NOW, SAMPLE, SETTINGS, sample_plan

from cardscan.export import csv as csv_export
from cardscan.followup import note_text
from cardscan.models import Contact, PersonName, Phone


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_rows_read_back_under_googles_header(tmp_path: Path) -> None:
    plan = sample_plan()
    csv_export.write(tmp_path, SAMPLE, plan, SETTINGS, NOW)
    with (tmp_path / "contacts.csv").open(encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    assert header[:3] == ["First Name", "Middle Name", "Last Name"]
    assert {"Organization Name", "E-mail 1 - Value", "Phone 1 - Value", "Address 1 - Formatted", "Labels"} <= set(
        header
    )
    anna, avery, no_name = rows(tmp_path / "contacts.csv")
    assert (anna["First Name"], anna["Last Name"], anna["Name Prefix"]) == ("Anna-Lena", "van der Berg", "Dr.")
    assert anna["Organization Name"] == "Müller & Söhne GmbH"
    assert anna["Organization Title"] == "Head of Data Platform"
    assert anna["Address 1 - Formatted"] == "Friedrichstraße 123\n10117 Berlin\nGermany"  # one cell, 3 lines
    assert (anna["Phone 1 - Label"], anna["Phone 1 - Value"]) == ("Mobile", "+491701234567")
    assert (anna["Phone 3 - Label"], anna["Phone 3 - Value"]) == ("Work Fax", "+4930123457")
    assert anna["Website 2 - Value"] == SAMPLE[0].linkedin
    assert anna["Notes"] == note_text(SAMPLE[0], plan)
    assert anna["Labels"] == "* myContacts ::: interview ::: Müller & Söhne GmbH"
    assert avery["Phone 1 - Value"] == "+442079460000"  # a bare E.164 number keeps its plus
    assert no_name["Organization Name"] == "Initech, Inc."


def test_several_values_share_a_cell_joined_by_google_separator(tmp_path: Path) -> None:
    c = Contact(
        name=PersonName(full="Bo Brown", given="Bo", family="Brown"),
        emails=("bo@acme.com", "bo.brown@acme.com"),
        phones=(Phone("+14155550123", "work", "x"), Phone("+14155550124", "work", "y")),
    )
    csv_export.write(tmp_path, [c], None, SETTINGS, NOW)
    (row,) = rows(tmp_path / "contacts.csv")
    assert row["E-mail 1 - Value"] == "bo@acme.com ::: bo.brown@acme.com"
    assert row["Phone 1 - Value"] == "+14155550123 ::: +14155550124"


def test_formula_cells_are_neutralised_and_values_stay_values(tmp_path: Path) -> None:
    evil = Contact(
        name=PersonName(full='=HYPERLINK("http://x")', given='=HYPERLINK("http://x")'),
        title="+cmd|' /C calc'!A0",
        department="-2+3",
        company="@SUM(1,2)",
        emails=("eve@example.com",),
        phones=(Phone("+1 415 =1", "other", "x"),),
        website="\t=1+1",
        linkedin="Eve\r\nInjected,Row",
    )
    csv_export.write(tmp_path, [evil], None, SETTINGS, NOW)
    (row,) = rows(tmp_path / "contacts.csv")  # still one row: the CR LF stayed inside its cell
    assert row["First Name"] == '\'=HYPERLINK("http://x")'
    assert row["Organization Title"] == "'+cmd|' /C calc'!A0"
    assert row["Organization Department"] == "'-2+3"
    assert row["Organization Name"] == "'@SUM(1,2)"
    assert row["Phone 1 - Value"] == "'+1 415 =1"  # not a clean E.164 number: neutralised
    assert row["Website 1 - Value"] == "'\t=1+1"
    assert row["Website 2 - Value"] == "Eve\nInjected,Row"
    dangerous = ("=", "+", "-", "@", "\t", "\r")
    assert not [v for v in row.values() if v.startswith(dangerous) and not v[1:].isdigit()]
