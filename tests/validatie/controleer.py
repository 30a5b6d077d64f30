"""Checks generated reports with validators that techniekpact did not write.

Usage: controleer.py FILE...

PDF files go through page-validation (profiles PDF_A_2A and PDF_UA_1) and
outloud (PDF/UA-1 + WCAG); DOCX and XLSX files (the report, the invulblad)
through openxml-audit (Open XML SDK rules). Prints one JSON object per file on stdout:

    {"file": ..., "tool": ..., "errors": N, "findings": ["...", ...]}

and exits 0 when every file has 0 errors, 1 otherwise. The integration test
`tests/validators.rs` runs it; `.ci/run` installs the validators.
"""

import json
import sys


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


def main(paths):
    failed = False
    for path in paths:
        if path.endswith(".pdf"):
            checks = check_pdf(path)
        elif path.endswith((".docx", ".xlsx")):
            checks = check_openxml(path)
        else:
            raise SystemExit(f"onbekend bestandstype: {path}")
        for c in checks:
            c["file"] = path
            failed |= c["errors"] > 0
            print(json.dumps(c, ensure_ascii=False), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
