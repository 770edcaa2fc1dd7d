"""Export executed notebooks to offline HTML pages or reveal.js slides with nbconvert (one Python process for all).

Used by scripts/build-site.js (`npm run build`), scripts/slides.js (`npm run slides`) and the browser tests.

  python3 nbconvert-pages.py < jobs.json

jobs.json: {"jobs": [{"input": executed.ipynb, "output": page.html, "kind": "html" | "slides",
                      "assets": "relative/url/of/assets", "nav": "<nav>…</nav>" (html only), "banner": "<div>…" (optional),
                      "title": "page title"}],
            "templates": [folders holding the dgmlab-lab and dgmlab-reveal templates]}

Offline rules applied to every page (nothing is fetched from the network, everything works from file://):
- MathJax 2 comes from `<assets>/mathjax` (copied from Debian's libjs-mathjax); require.js and jQuery are not loaded;
- reveal.js comes from `<assets>/reveal.js` (copied from node_modules), loaded by plain script tags (no require.js);
- the page head loads `<assets>/plotly.js`; the bundle that the kernel embedded inline (a script tagged
  data-dgmlab-plotly-bundle) is dropped, so the course site holds ONE copy of plotly instead of one per page;
- the template's large stylesheets (JupyterLab's index.css, the theme) are written once to `<assets>/nbconvert-<hash>.css`
  and linked, instead of being inlined into every page (≈ 550 kB per page);
- links to other notebooks (`foo.ipynb`) become links to their pages (`foo.html` or `foo.slides.html`).
Prints one JSON line: {"pages": [{"output", "bytes"}], "errors": [{"input", "message"}]}.
"""
import hashlib
import json
import os
import re
import sys

import markupsafe

import nbformat
from nbconvert import HTMLExporter, SlidesExporter
from nbconvert.preprocessors import TagRemovePreprocessor

BUNDLE_MARKER = "data-dgmlab-plotly-bundle"
IPYNB_LINK = re.compile(r'(href=")(?![a-z][a-z0-9+.-]*:|#|/)([^"#?]+)\.ipynb([#?"])', re.I)


def source_text(value):
    return "".join(value) if isinstance(value, list) else (value or "")


def share_plotly(nb):
    """Drop the outputs that embed the plotly bundle inline: the page template loads the shared copy
    `<assets>/plotly.js` in its head (so figures also draw when the embedding cell is skipped on slides)."""
    for cell in nb.cells:
        if "outputs" in cell:
            cell.outputs = [o for o in cell.outputs if BUNDLE_MARKER not in source_text(o.get("data", {}).get("text/html"))]


def shared_css(base):
    """An exporter class whose include_css writes each stylesheet once into the assets folder and links it."""

    class SharedCssExporter(base):
        assets_dir = None
        assets_url = None

        def _init_resources(self, resources):
            resources = super()._init_resources(resources)
            env = self.environment

            def include_css(name):
                source = env.loader.get_source(env, name)[0]
                fname = "nbconvert-" + hashlib.sha1(source.encode("utf-8")).hexdigest()[:12] + ".css"
                target = os.path.join(self.assets_dir, fname)
                if not os.path.exists(target):
                    os.makedirs(self.assets_dir, exist_ok=True)
                    with open(target, "w", encoding="utf-8") as f:
                        f.write(source)
                return markupsafe.Markup(f'<link rel="stylesheet" type="text/css" href="{self.assets_url}/{fname}">')

            resources["include_css"] = include_css
            return resources

    return SharedCssExporter


def main():
    spec = json.load(sys.stdin)
    templates = spec["templates"]
    if isinstance(templates, str):
        templates = [templates]
    report = {"pages": [], "errors": []}
    for job in spec["jobs"]:
        try:
            nb = nbformat.read(job["input"], as_version=4)
            assets = job["assets"].rstrip("/")
            share_plotly(nb)
            mathjax = f"{assets}/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"
            common = dict(
                mathjax_url=mathjax,
                require_js_url="",  # our templates load neither require.js nor jQuery (never a CDN)
                jquery_url="",
                extra_template_basedirs=templates,
            )
            if job["kind"] == "slides":
                exporter = shared_css(SlidesExporter)(
                    template_name="dgmlab-reveal",
                    reveal_url_prefix=f"{assets}/reveal.js",
                    reveal_theme=job.get("theme", "white"),
                    reveal_number="c/t",
                    font_awesome_url="",
                    **common,
                )
                ext = ".slides.html"
            else:
                exporter = shared_css(HTMLExporter)(template_name="dgmlab-lab", **common)
                ext = ".html"
            exporter.assets_url = assets
            exporter.assets_dir = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(job["output"])), assets))
            resources = {
                "metadata": {"name": job.get("title") or os.path.splitext(os.path.basename(job["input"]))[0],
                             "path": os.path.dirname(os.path.abspath(job["input"]))},
                "dgmlab": {"nav": job.get("nav", ""), "banner": job.get("banner", ""), "assets": assets},
            }
            if job.get("title"):
                nb.metadata["title"] = job["title"]
            # Lecturers hide a cell's code with the tag `hide-input`, or the whole cell with `remove-cell`.
            exporter.register_preprocessor(TagRemovePreprocessor(remove_input_tags={"hide-input"},
                                                                 remove_cell_tags={"remove-cell"}), enabled=True)
            body, _ = exporter.from_notebook_node(nb, resources=resources)
            body = IPYNB_LINK.sub(lambda m: m.group(1) + m.group(2) + ext + m.group(3), body)
            os.makedirs(os.path.dirname(os.path.abspath(job["output"])), exist_ok=True)
            with open(job["output"], "w", encoding="utf-8") as f:
                f.write(body)
            report["pages"].append({"output": job["output"], "bytes": len(body.encode("utf-8"))})
        except Exception as e:  # report and go on with the other pages
            report["errors"].append({"input": job["input"], "message": f"{type(e).__name__}: {e}"})
    print(json.dumps(report))
    sys.exit(1 if report["errors"] else 0)


if __name__ == "__main__":
    main()
