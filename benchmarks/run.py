"""Speed and memory of minutes-nlp against pdfplumber's own extract_text, on the same files.

    python benchmarks/run.py            # ~500- and ~100-page PDFs generated here, plus corpus/pdf/*.pdf

Every measurement runs in a child process of its own, so its peak memory (ru_maxrss from wait4)
is its own and one run cannot warm another's caches. Results: a markdown table on stdout and
benchmarks/results.json. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results.json"
MODES = ("extract_text", "read_text", "extract", "cli")
LABELS = {
    "extract_text": "pdfplumber page.extract_text()",
    "read_text": "our text layer (read_text)",
    "extract": "whole pipeline (extract)",
    "cli": "whole CLI (subprocess, extract --format json)",
}
BARS = {"cli_ratio": 1.5, "peak_mb": 500.0, "load_s": 2.0}

# ---------------------------------------------------------------- the generated minutes

_FIRST = [
    "Anna",
    "Björn",
    "Cecilia",
    "David",
    "Elin",
    "Fredrik",
    "Greta",
    "Hampus",
    "Ingrid",
    "Johan",
    "Karin",
    "Lars",
]
_LAST = [
    "Berglund",
    "Dahlqvist",
    "Ekström",
    "Forsberg",
    "Granlund",
    "Hedlund",
    "Isaksson",
    "Jonsson",
    "Lindgren",
]
_ORGS = [
    "Region Jämtland Härjedalen",
    "Östersunds kommun",
    "Länsstyrelsen Jämtlands län",
    "Krokoms kommun",
    "Bergs kommun",
    "Tillväxtverket",
    "Mittuniversitetet",
]
_TOPICS = [
    "Regional utvecklingsstrategi",
    "Kompetensförsörjning i länet",
    "Besöksnäringens utveckling",
    "Bredbandsutbyggnad på landsbygden",
    "Kollektivtrafik och infrastruktur",
    "Ekonomisk uppföljning",
    "Folkhälsa och förebyggande arbete",
    "Information från kommunerna",
]
_SENTENCES = [
    "Ordföranden redogjorde för läget i arbetet sedan föregående möte och lyfte särskilt samverkan mellan kommunerna.",
    "Gruppen diskuterade hur uppföljningen ska göras och vilka indikatorer som är rimliga att använda under året.",
    "Det framkom att flera aktörer efterfrågar ett tydligare gemensamt underlag inför budgetarbetet.",
    "Ett förslag till tidplan presenterades och gruppen ställde sig bakom upplägget med vissa justeringar.",
    "Representanten från {org} informerade om pågående insatser och om de erfarenheter som hittills gjorts.",
    "Beslut fattades om att avsätta {amount} kronor för förstudien under perioden {d1} till {d2}.",
    "Frågan om finansiering av projektet bordlades till nästa sammanträde i väntan på ytterligare underlag.",
    "Synpunkter på remissen lämnas till {email} senast den {d2}.",
    "Mer information finns på https://www.exempel.se/{slug} där även tidigare protokoll publiceras.",
    "Mötet konstaterade att arbetet löper enligt plan och att inga avvikelser har rapporterats.",
]
_BULLETS = [
    "{name} sammanställer synpunkterna och skickar ut dem senast {d1}.",
    "Kansliet bokar lokal för nästa möte i {place}.",
    "{org} återkommer med en analys av behoven.",
    "Arbetsgruppen tar fram ett förslag till handlingsplan.",
    "Frågan lyfts på nästa möte med {org}.",
]
_PLACES = ["Östersund", "Sveg", "Strömsund", "Järpen", "Hammarstrand", "Funäsdalen"]
_MONTHS = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "augusti",
    "september",
    "oktober",
    "november",
]


def _fill(rng: random.Random, template: str) -> str:
    name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
    return template.format(
        org=rng.choice(_ORGS),
        name=name,
        amount=f"{rng.randint(1, 90) * 10_000:,}".replace(",", " "),
        d1=f"{rng.randint(1, 28)} {rng.choice(_MONTHS)}",
        d2=f"{rng.randint(1, 28)} {rng.choice(_MONTHS)} 2024",
        email=f"{name.split()[0].lower()}.{name.split()[1].lower()}@exempel.se".replace("ö", "o").replace(
            "ä", "a"
        ),
        slug=rng.choice(["samverkan", "protokoll", "strategi"]),
        place=rng.choice(_PLACES),
    )


def generate(path: Path, pages: int, seed: int = 7) -> int:
    """Write Swedish minutes-like text until the PDF has at least ``pages`` pages; return the page count."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

    # Embedded TrueType subsets with a ToUnicode map, as office exports make them (reportlab's
    # standard-14 Helvetica prints its bullet as an unmapped glyph).
    pdfmetrics.registerFont(TTFont("Vera", "Vera.ttf"))
    pdfmetrics.registerFont(TTFont("Vera-Bold", "VeraBd.ttf"))
    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["BodyText"], fontName="Vera", fontSize=10.5, leading=14)
    head = ParagraphStyle(
        "head", parent=body, fontName="Vera-Bold", fontSize=12, spaceBefore=10, spaceAfter=4
    )

    def furniture(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("Vera", 8.5)
        canvas.drawString(2.5 * cm, A4[1] - 1.4 * cm, "Minnesanteckningar – Regional samverkansgrupp")
        canvas.drawRightString(A4[0] - 2.5 * cm, A4[1] - 1.4 * cm, "2024-03-12")
        canvas.drawCentredString(A4[0] / 2, 1.2 * cm, f"Sida {doc.page}")
        canvas.restoreState()

    # Agenda items per page vary with the draw: estimate, then build again with more if short.
    per_page = 3.0
    while True:
        rng = random.Random(seed)
        story = []
        for n in range(1, int(pages * per_page) + 1):
            story.append(Paragraph(f"§ {n} {rng.choice(_TOPICS)}", head))
            for _ in range(rng.randint(1, 3)):
                text = " ".join(_fill(rng, rng.choice(_SENTENCES)) for _ in range(rng.randint(2, 4)))
                story.append(Paragraph(text, body))
            if rng.random() < 0.6:
                items = [
                    ListItem(Paragraph(_fill(rng, rng.choice(_BULLETS)), body))
                    for _ in range(rng.randint(2, 4))
                ]
                story.append(
                    ListFlowable(items, bulletType="bullet", start="•", leftIndent=14, bulletFontName="Vera")
                )
            story.append(Spacer(1, 4))
        doc = SimpleDocTemplate(str(path), pagesize=A4, topMargin=2.5 * cm, bottomMargin=2.2 * cm)
        doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
        if doc.page >= pages:
            return doc.page
        per_page *= 1.04 * pages / doc.page


# ---------------------------------------------------------------- one measurement per child process


def worker(mode: str, path: str) -> None:
    """Run in the child: import, then time only the work, and print the result as JSON."""
    if mode == "extract_text":
        import pdfplumber

        t0 = time.perf_counter()
        with pdfplumber.open(path) as pdf:
            n = len(pdf.pages)
            for page in pdf.pages:
                page.extract_text()
                page.close()  # as our text layer does: no page's objects outlive it
    elif mode == "read_text":
        from minutes_nlp import read_text

        t0 = time.perf_counter()
        n = len(read_text(path).pages)
    elif mode == "extract":
        from minutes_nlp import extract

        t0 = time.perf_counter()
        n = len(extract(path).pages)
    else:
        raise SystemExit(f"unknown mode {mode}")
    print(json.dumps({"seconds": time.perf_counter() - t0, "pages": n}))


def _child(cmd: list[str], capture: bool) -> tuple[float, float, str]:
    """Run ``cmd``; return (wall seconds, peak RSS in MB of that child alone, stdout)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE if capture else subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    out = proc.stdout.read().decode() if capture else ""
    err = proc.stderr.read().decode()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {err[-500:]}")
    return wall, usage.ru_maxrss / 1024, out


def measure(mode: str, path: Path) -> dict:
    if mode == "cli":
        exe = shutil.which("minutes-nlp", path=str(Path(sys.executable).parent)) or "minutes-nlp"
        wall, peak, _ = _child([exe, "extract", str(path), "--format", "json"], capture=False)
        return {"seconds": wall, "peak_mb": peak}
    _, peak, out = _child([sys.executable, __file__, "--worker", mode, str(path)], capture=True)
    return {"seconds": json.loads(out)["seconds"], "peak_mb": peak}


def bench_file(path: Path, pages: int, repeat: int) -> list[dict]:
    runs: dict[str, list[dict]] = {m: [] for m in MODES}
    for _ in range(repeat):  # interleaved, so a slow spell on the machine hits every mode alike
        for mode in MODES:
            runs[mode].append(measure(mode, path))
    base = statistics.median(r["seconds"] for r in runs["extract_text"])
    rows = []
    for mode in MODES:
        secs = statistics.median(r["seconds"] for r in runs[mode])
        rows.append(
            {
                "file": path.name,
                "pages": pages,
                "mode": mode,
                "seconds": round(secs, 3),
                "pages_per_s": round(pages / secs, 1),
                "ratio_vs_extract_text": round(secs / base, 2),
                "peak_mb": round(max(r["peak_mb"] for r in runs[mode]), 1),
                "runs": repeat,
            }
        )
    return rows


def load_time(repeat: int) -> dict:
    ready = "import minutes_nlp; from minutes_nlp.pipeline import extract; from minutes_nlp import cli"
    bare = statistics.median(_child([sys.executable, "-c", "pass"], False)[0] for _ in range(repeat))
    load = statistics.median(_child([sys.executable, "-c", ready], False)[0] for _ in range(repeat))
    return {"seconds": round(load, 3), "interpreter_only_seconds": round(bare, 3), "command": ready}


def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {"cpu": cpu, "cores": usable, "python": platform.python_version(), "platform": platform.platform()}


def profile(path: Path, top: int) -> None:
    import cProfile
    import pstats

    from minutes_nlp import read_text

    prof = cProfile.Profile()
    prof.enable()
    read_text(path)
    prof.disable()
    stats = pstats.Stats(prof).sort_stats("tottime")
    print(f"\n## cProfile of read_text({path.name}), top {top} by own time\n")
    stats.print_stats(top)
    print("### minutes_nlp functions only (cumulative)\n")
    stats.sort_stats("cumulative").print_stats(r"minutes_nlp", top)


def table(rows: list[dict]) -> str:
    out = [
        "| file | pages | measurement | seconds | pages/s | × extract_text | peak MB |",
        "|---|--:|---|--:|--:|--:|--:|",
    ]
    for r in rows:
        out.append(
            f"| {r['file']} | {r['pages']} | {LABELS[r['mode']]} | {r['seconds']:.2f} | {r['pages_per_s']:.1f}"
            f" | {r['ratio_vs_extract_text']:.2f} | {r['peak_mb']:.0f} |"
        )
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=500, help="pages of the large generated PDF")
    ap.add_argument("--small-pages", type=int, default=100, help="pages of the small generated PDF")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement on the small PDF (median)")
    ap.add_argument("--corpus", default=str(ROOT / "corpus" / "pdf"), help="folder of real PDFs to include")
    ap.add_argument("--keep", help="write the generated PDFs here instead of a temporary folder")
    ap.add_argument("--profile", action="store_true", help="also cProfile read_text on the small PDF")
    ap.add_argument("--out", default=str(RESULTS))
    ap.add_argument("--worker", nargs=2, metavar=("MODE", "PDF"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(*args.worker)
        return 0

    with tempfile.TemporaryDirectory(prefix="minutes-bench-") as tmp:
        folder = Path(args.keep or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        files = []
        for n, repeat in ((args.small_pages, args.repeat), (args.pages, 1)):
            path = folder / f"generated-{n}.pdf"
            t0 = time.perf_counter()
            got = generate(path, n)
            print(f"generated {path.name}: {got} pages in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
            files.append((path, got, repeat))
        corpus = sorted(Path(args.corpus).glob("*.pdf")) if Path(args.corpus).is_dir() else []
        rows: list[dict] = []
        for path, pages, repeat in files:
            print(f"measuring {path.name} ({pages} pages, {repeat} run(s) per measurement)", file=sys.stderr)
            rows += bench_file(path, pages, repeat)
        import pdfplumber

        for path in corpus:
            with pdfplumber.open(path) as pdf:
                pages = len(pdf.pages)
            print(f"measuring {path.name} ({pages} pages)", file=sys.stderr)
            rows += bench_file(path, pages, 1)
        load = load_time(5)
        if args.profile:
            profile(files[0][0], 25)

    small = {r["mode"]: r for r in rows if r["file"] == f"generated-{args.small_pages}.pdf"}
    peak = max(r["peak_mb"] for r in rows)
    bars = {
        "cli_ratio_small": {
            "value": small["cli"]["ratio_vs_extract_text"],
            "bar": BARS["cli_ratio"],
            "ok": small["cli"]["ratio_vs_extract_text"] <= BARS["cli_ratio"],
        },
        "peak_mb": {"value": peak, "bar": BARS["peak_mb"], "ok": peak < BARS["peak_mb"]},
        "load_s": {"value": load["seconds"], "bar": BARS["load_s"], "ok": load["seconds"] < BARS["load_s"]},
    }
    result = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": machine(),
        "corpus_files": [p.name for p in corpus],
        "results": rows,
        "load": load,
        "bars": bars,
    }
    Path(args.out).write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    m = result["machine"]
    print(
        f"\n# minutes-nlp benchmark, {result['date']}\n\n{m['cpu']}, {m['cores']} cores, Python {m['python']}\n"
    )
    print(table(rows))
    print(
        f"\nLoad (fresh interpreter until the pipeline is imported): {load['seconds']:.2f} s"
        f" (bare interpreter {load['interpreter_only_seconds']:.2f} s)\n"
    )
    print("| bar | measured | limit | ok |\n|---|--:|--:|---|")
    print(
        f"| whole CLI vs extract_text, {args.small_pages} pages | {bars['cli_ratio_small']['value']:.2f}× | ≤ 1.5× | {'yes' if bars['cli_ratio_small']['ok'] else 'NO'} |"
    )
    print(
        f"| peak memory, any measurement | {peak:.0f} MB | < 500 MB | {'yes' if bars['peak_mb']['ok'] else 'NO'} |"
    )
    print(f"| load time | {load['seconds']:.2f} s | < 2 s | {'yes' if bars['load_s']['ok'] else 'NO'} |")
    print(f"\nwritten: {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
