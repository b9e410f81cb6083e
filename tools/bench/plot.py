#!/usr/bin/python3
"""Plots of the roam benchmark, on one screen. Reads samples.csv, writes a
PNG: a grid of distribution panels (one per metric, one box with every
sample drawn on top per mode; a log time axis where the modes differ by
more than a factor of 20) and a panel of stacked bars per mode showing
where the data gap goes at p50 (client | AP | client | AP | client).

    plot.py RESULTS_DIR/samples.csv OUT.png [TITLE]
"""
import csv
import math
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

METRICS = [
    ("auth_turnaround_us", "Auth req -> resp (AP)"),
    ("reassoc_turnaround_us", "Reassoc req -> resp (AP)"),
    ("roam_us", "roam: 1st Auth req -> Reassoc resp"),
    ("port_open_us", "1st Auth req -> port open (M4 / FT)"),
    ("fbt_us", "FBT: last old data -> first new data"),
    ("data_gap_us", "data gap (10 ms ping)"),
]

# The data-gap breakdown, in time order; "AP" parts are what fsr changes.
PARTS = [
    ("client_pre_us", "client: old data -> 1st Auth", "#bbbbbb"),
    ("auth_turnaround_us", "AP: Auth", "#d62728"),
    ("client_mid_us", "client: Auth resp -> Reassoc req", "#999999"),
    ("reassoc_turnaround_us", "AP: Reassoc", "#ff7f0e"),
    ("client_post_us", "client: Reassoc resp -> new data", "#777777"),
]


def p50(values):
    """Nearest-rank median, like roamstat."""
    if not values:
        return 0.0
    s = sorted(values)
    return s[max(0, math.ceil(0.5 * len(s)) - 1)]


def load(src):
    keys = [k for k, _ in METRICS] + [k for k, _, _ in PARTS]
    modes = {}
    with open(src, newline="") as f:
        for row in csv.DictReader(f):
            if row["ok"] != "1":
                continue
            m = modes.setdefault(row["mode"], {k: [] for k in keys})
            for k in keys:
                if row.get(k):
                    m[k].append(int(row[k]) / 1000.0)
    return modes


def box_panel(ax, modes, names, key, label):
    data = [modes[n][key] for n in names]
    if any(data):
        ax.boxplot(data, whis=(0, 100), showfliers=False)
        for i, d in enumerate(data, start=1):
            ax.plot([i] * len(d), d, "o", alpha=0.4, markersize=3)
        lows = [min(d) for d in data if d and min(d) > 0]
        if lows and max(max(d) for d in data if d) / min(lows) > 20:
            ax.set_yscale("log")
    ax.set_xticks(range(1, len(names) + 1))
    ax.set_xticklabels(names, rotation=45, ha="right", fontsize=7)
    ax.set_title(label, fontsize=9)
    ax.set_ylabel("ms")
    ax.grid(axis="y", alpha=0.3, which="both")


def breakdown_panel(ax, modes, names):
    bottom = [0.0] * len(names)
    for key, label, color in PARTS:
        h = [p50(modes[n][key]) for n in names]
        ax.bar(range(len(names)), h, bottom=bottom, color=color, label=label)
        bottom = [b + x for b, x in zip(bottom, h)]
    ax.set_xticks(range(len(names)))
    ax.set_xticklabels(names, rotation=45, ha="right", fontsize=7)
    ax.set_title("where the data gap goes (p50 of each part)", fontsize=9)
    ax.set_ylabel("ms")
    ax.grid(axis="y", alpha=0.3)


def main():
    src, out = sys.argv[1], sys.argv[2]
    title = sys.argv[3] if len(sys.argv) > 3 else "roam benchmark"
    modes = load(src)
    names = list(modes)
    panels = len(METRICS) + 1
    cols = 4
    rows = (panels + cols - 1) // cols
    width = max(3.2, 0.35 * len(names) + 1.5)
    fig, axes = plt.subplots(rows, cols, figsize=(width * cols, 4.2 * rows),
                             squeeze=False)
    flat = [a for r in axes for a in r]
    for ax, (key, label) in zip(flat, METRICS):
        box_panel(ax, modes, names, key, label)
    breakdown_panel(flat[len(METRICS)], modes, names)
    for ax in flat[panels:]:
        ax.axis("off")
    # the breakdown's legend: in the empty cell after it, if there is one
    handles, labels = flat[len(METRICS)].get_legend_handles_labels()
    if panels < len(flat):
        flat[panels].legend(handles, labels, fontsize=8, loc="center left")
    else:
        flat[len(METRICS)].legend(handles, labels, fontsize=6)
    fig.suptitle(title + "  (box: p25-p75, whiskers: min-max, dots: roams)",
                 fontsize=10)
    fig.tight_layout()
    fig.savefig(out, dpi=90)


if __name__ == "__main__":
    main()
