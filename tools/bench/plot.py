#!/usr/bin/python3
"""Distribution plot of the roam benchmark: one panel per metric, one box
(with every sample drawn on top) per mode. Reads samples.csv, writes a PNG.

    plot.py RESULTS_DIR/samples.csv OUT.png [TITLE]
"""
import csv
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


def main():
    src, out = sys.argv[1], sys.argv[2]
    title = sys.argv[3] if len(sys.argv) > 3 else "roam benchmark"
    modes = {}
    with open(src, newline="") as f:
        for row in csv.DictReader(f):
            if row["ok"] != "1":
                continue
            m = modes.setdefault(row["mode"], {k: [] for k, _ in METRICS})
            for k, _ in METRICS:
                if row[k]:
                    m[k].append(int(row[k]) / 1000.0)
    names = list(modes)
    fig, axes = plt.subplots(1, len(METRICS),
                             figsize=(max(4, 0.5 * len(names) + 1.5) * len(METRICS), 5))
    for ax, (key, label) in zip(axes, METRICS):
        data = [modes[n][key] for n in names]
        if any(data):
            ax.boxplot(data, whis=(0, 100), showfliers=False)
            for i, d in enumerate(data, start=1):
                ax.plot([i] * len(d), d, "o", alpha=0.4, markersize=3)
        ax.set_xticks(range(1, len(names) + 1))
        ax.set_xticklabels(names, rotation=60, ha="right", fontsize=7)
        ax.set_title(label, fontsize=9)
        ax.set_ylabel("ms")
        ax.grid(axis="y", alpha=0.3)
    fig.suptitle(title + "  (box: p25-p75, whiskers: min-max, dots: roams)",
                 fontsize=10)
    fig.tight_layout()
    fig.savefig(out, dpi=100)


if __name__ == "__main__":
    main()
