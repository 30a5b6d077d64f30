#!/usr/bin/env python3
"""Prints the medians and ratios of a bench/run against the targets of issue 6.

Arguments: the work folder of bench/run, the criterion folder, and 1 when
criterion was skipped (--snel). Reads hyperfine's JSON exports, the output of
/usr/bin/time -v and criterion's estimates.json files.
"""
import glob
import json
import os
import re
import shutil
import statistics
import subprocess
import sys

work, criterion_dir, fast = sys.argv[1], sys.argv[2], sys.argv[3] == "1"


def results(name):
    with open(os.path.join(work, "json", name + ".json")) as f:
        return json.load(f)["results"]


def ms(seconds):
    return f"{seconds * 1000:8.0f} ms"


def cpu(result):
    """Mean CPU time (user + system) of a hyperfine result, in seconds."""
    return result["user"] + result["system"]


def verdict(ok):
    return "gehaald" if ok else "NIET GEHAALD"


def pages(pdf):
    if shutil.which("qpdf"):
        out = subprocess.run(["qpdf", "--show-npages", pdf], capture_output=True, text=True)
        if out.returncode == 0:
            return int(out.stdout.strip())
    data = open(pdf, "rb").read()
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


def peak_mb(path):
    text = open(path).read()
    kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    return kb / 1024


print()
print("Techniekpact: metingen (mediaan van herhaalde runs; release-build)")
print("=" * 72)

one = {r["command"]: r for r in results("een")}
ours, typst = one["techniekpact maak"]["median"], one["typst compile"]["median"]
print("1. Eén rapport (noord-2016)")
print(f"   techniekpact maak (PDF + DOCX + grafieken) {ms(ours)}")
print(f"   typst compile (alleen PDF, zelfde bundel)   {ms(typst)}")
print(f"   verhouding {ours / typst:.2f}x   (doel <= 1,0x): {verdict(ours <= typst)}")
print(f"   CPU-tijd (user + sys): techniekpact {ms(cpu(one['techniekpact maak']))}, "
      f"typst compile {ms(cpu(one['typst compile']))}")
if "techniekpact maak met html" in one:
    html = one["techniekpact maak met html"]["median"]
    print(f"   met de HTML-uitgave erbij (--formaat pdf,docx,html) {ms(html)}")
    print(f"   kosten van de HTML-uitgave {(html - ours) * 1000:+.1f} ms   (doel <= 10 ms): "
          f"{verdict(html - ours <= 0.010)}")

formats = {r["command"]: r for r in results("formaten")}
print("1b. De open formaten (CPU-tijd, user + sys, van de hele run)")
odt, docx = cpu(formats["odt"]), cpu(formats["docx"])
print(f"   --formaat docx {ms(docx)}, --formaat odt {ms(odt)}, samen {ms(cpu(formats['docx,odt']))}")
print(f"   ODT tegen DOCX {odt / docx:.2f}x   (doel <= 1,0x): {verdict(odt <= docx)}")
pdf_only, with_figures = cpu(formats["pdf"]), cpu(formats["pdf,cijfers"])
print(f"   --formaat pdf {ms(pdf_only)}, met de cijfers erbij {ms(with_figures)}")
print(f"   kosten van de cijfers {(with_figures - pdf_only) * 1000:+.1f} ms, "
      f"{(with_figures - pdf_only) / pdf_only * 100:+.0f} % van de PDF   (doel <= 10 %): "
      f"{verdict(with_figures - pdf_only <= 0.1 * pdf_only)}")

national = {r["command"]: r for r in results("landelijk")}
print("1c. Het landelijke overzicht (vijf landsdelen) tegen één landsdeel, PDF + DOCX (CPU-tijd)")
one_cpu, all_cpu = cpu(national["maak noord-2016"]), cpu(national["landelijk 2016"])
print(f"   maak noord-2016 {ms(one_cpu)}, landelijk 2016 {ms(all_cpu)}")
print(f"   verhouding {all_cpu / one_cpu:.2f}x   (doel <= 2,0x): {verdict(all_cpu <= 2 * one_cpu)}")

batch = {r["command"]: r for r in results("batch")}
single, separate = batch["één proces"]["median"], batch["15 losse runs"]["median"]
print("2. Batch van 15 rapporten")
print(f"   één proces                                  {ms(single)}")
print(f"   15 losse runs                               {ms(separate)}")
print(f"   versnelling {separate / single:.2f}x   (doel >= 1,7x): {verdict(separate / single >= 1.7)}")
# A batch keeps every core busy, so it cannot take less than its CPU time
# divided by the cores: with CPU time C per report and a separate run of S,
# the speed-up is at most cores x S / C.
cores = os.cpu_count() or 1
per_report = cpu(batch["één proces"]) / 15
per_run = separate / 15
print(f"   CPU-tijd per rapport in de batch {ms(per_report)}; een losse run duurt {ms(per_run)}")
print(f"   bovengrens op {cores} cores: {cores} x {per_run * 1000:.0f} / {per_report * 1000:.0f} ms"
      f" = {cores * per_run / per_report:.2f}x")

print("3. Schaal (synthetische gegevens)")
series = sorted((int(r["parameters"]["n"]), r["median"]) for r in results("schaal"))
for n, t in series:
    print(f"   {n:4d} indicatoren {ms(t)}   {t * 1000 / n:6.1f} ms per indicator")
t = dict(series)
# Linear: a straight line t = a + b*N fits the series (R² close to 1), and
# the cost of one more indicator does not grow from the first half to the second.
ns, ts = [n for n, _ in series], [x for _, x in series]
slope, intercept = statistics.linear_regression(ns, ts)
r2 = statistics.correlation(ns, ts) ** 2
low = (t[100] - t[25]) / 75
high = (t[400] - t[100]) / 300
print(f"   rechte lijn: {intercept * 1000:.0f} ms + {slope * 1000:.1f} ms x N, R² = {r2:.4f}")
print(f"   extra tijd per indicator: {low * 1000:.1f} ms (25->100), {high * 1000:.1f} ms (100->400)")
linear = r2 >= 0.99 and high <= 1.5 * low
print(f"   lineair (R² >= 0,99 en 100->400 <= 1,5x 25->100): {verdict(linear)}")
pdfs = glob.glob(os.path.join(work, "uit5", "*.pdf"))
n_pages = pages(pdfs[0]) if pdfs else 0
print(f"   200 indicatoren: {n_pages} pagina's, {ms(t[200])} (doel <= 3 s, 100+ pagina's): "
      f"{verdict(t[200] <= 3 and n_pages >= 100)}")
for n in (200, 400):
    mb = peak_mb(os.path.join(work, f"geheugen-{n}.txt"))
    print(f"   piekgeheugen {n} indicatoren (/usr/bin/time -v): {mb:.0f} MB"
          + (f" (doel <= 300 MB): {verdict(mb <= 300)}" if n == 200 else ""))

print("4. volg (het programma, zoals het zelf meldt)")
with open(os.path.join(work, "volg.txt")) as f:
    for line in f.read().strip().splitlines():
        print(f"   {line}")
        m = re.search(r"mediaan ([0-9.]+) ms", line)
        if m:
            print(f"   doel <= 100 ms: {verdict(float(m.group(1)) <= 100)}")

if not fast:
    print("5. Stappen in het proces (criterion, mediaan)")
    for d in sorted(os.listdir(criterion_dir)):
        est = os.path.join(criterion_dir, d, "new", "estimates.json")
        if not os.path.exists(est):
            continue
        with open(est) as f:
            median = json.load(f)["median"]["point_estimate"] / 1e9
        line = f"   {d:40s} {ms(median)}"
        if d == "volg_herbouw_na_sjabloonwijziging":
            line += f"   (doel <= 100 ms): {verdict(median <= 0.1)}"
        if d == "html":
            line += f"   (doel <= 10 ms): {verdict(median <= 0.01)}"
        print(line)
