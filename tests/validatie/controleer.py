"""Checks generated reports with validators that techniekpact did not write.

Usage: controleer.py FILE...

PDF files go through page-validation (profiles PDF_A_2A and PDF_UA_1) and
outloud (PDF/UA-1 + WCAG); DOCX and XLSX files (the report, the invulblad)
through openxml-audit (Open XML SDK rules). Prints one JSON object per file on stdout:

    {"file": ..., "tool": ..., "errors": N, "findings": ["...", ...]}

and exits 0 when every file has 0 errors, 1 otherwise. The files are checked
on every core (`over_cores.py`), largest first; the lines come in the order
they finish. The integration test
`tests/validators.rs` runs it; `.ci/run` installs the validators.
"""

import os
import sys

import over_cores


def check_pdf(path):
    import outloud
    import page

    for profile in (page.ValidationProfile.PDF_A_2A, page.ValidationProfile.PDF_UA_1):
        report = page.validate_pdf(path, profile=profile)
        findings = [f"{f.rule_id}: {f.message}" for f in report.failures]
        yield {"tool": f"page-validation {profile.name}", "errors": len(findings), "findings": findings}

    result = outloud.check(path)
    if result.error:
        yield {"tool": "outloud", "errors": 1, "findings": [result.error]}
        return
    findings = [
        f"{f.rule} p.{f.page}: {f.message}"
        for f in result.sorted_findings()
        if f.severity == "error"
    ]
    crashed = [f"{x.rule} crashed: {x.reason}" for x in result.runs if x.status == "crashed"]
    yield {"tool": "outloud", "errors": result.errors + len(crashed), "findings": findings + crashed}


def check_openxml(path):
    from openxml_audit import OpenXmlValidator
    from openxml_audit.errors import ValidationSeverity

    result = OpenXmlValidator(max_errors=0).validate(path)
    findings = [str(e) for e in result.errors if e.severity == ValidationSeverity.ERROR]
    yield {"tool": "openxml-audit", "errors": len(findings), "findings": findings}


def check(path):
    if path.endswith(".pdf"):
        return list(check_pdf(path))
    return list(check_openxml(path))


def cost(path):
    # Measured on a report of 200 indicators: a PDF's three checks take about
    # 2,7 s per MB, openxml-audit about 0,25 s per MB of DOCX.
    size = os.path.getsize(path)
    return size * 10 if path.endswith(".pdf") else size


def main(paths):
    for path in paths:
        if not path.endswith((".pdf", ".docx", ".xlsx")):
            raise SystemExit(f"onbekend bestandstype: {path}")
    return over_cores.run(check, paths, "errors", cost)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
