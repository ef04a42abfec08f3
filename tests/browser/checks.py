"""What the browser suite checks on a page: axe-core's WCAG rules, the keyboard, reflow."""

import json

from .conftest import AXE

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page):
    """axe-core's violations of the WCAG 2.0, 2.1 and 2.2 A and AA rules on the page."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {
                runOnly: {type: "tag", values: tags},
                resultTypes: ["violations"],
            });
            return results.violations.map((v) => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                nodes: v.nodes.slice(0, 5).map((n) => ({
                    target: n.target.join(" "),
                    summary: n.failureSummary,
                })),
                count: v.nodes.length,
            }));
        }""",
        AXE_TAGS,
    )


def describe_violations(violations):
    return "\n".join(
        f"- {v['id']} ({v['impact']}, {v['count']} elements): {v['help']}\n"
        + "\n".join(f"    {n['target']}: {n['summary']}" for n in v["nodes"])
        for v in violations
    )


# Marks every element a keyboard user should reach with data-kbd, and notes
# how it looks unfocused (nothing has focus when the page has just loaded).
_MARK_FOCUSABLE = """() => {
    const selector = 'a[href], area[href], button, input:not([type="hidden"]), select, '
        + 'textarea, summary, iframe, [tabindex], [contenteditable="true"]';
    // checkVisibility: what a closed <details> holds has boxes but is not
    // shown (content-visibility: hidden), and Tab rightly passes it by.
    const shown = (el) => el.getClientRects().length > 0
        && getComputedStyle(el).visibility !== "hidden"
        && el.checkVisibility();
    const seenRadioGroups = new Set();
    const found = [];
    for (const el of document.querySelectorAll(selector)) {
        if (el.tabIndex < 0 || el.disabled || !shown(el) || el.closest("[inert]")) continue;
        // A group of radio buttons is one tab stop.
        if (el.type === "radio") {
            if (seenRadioGroups.has(el.name)) continue;
            seenRadioGroups.add(el.name);
        }
        el.dataset.kbd = String(found.length);
        found.push(el);
    }
    return found.map((el) => ({
        id: el.dataset.kbd,
        name: (el.outerHTML || "").slice(0, 120),
        style: window.__focusStyle ? window.__focusStyle(el) : null,
    }));
}"""

_FOCUS_STYLE = """() => {
    window.__focusStyle = (el) => {
        const s = getComputedStyle(el);
        return {
            outline: s.outlineStyle === "none" ? 0 : parseFloat(s.outlineWidth),
            outlineColor: s.outlineColor,
            boxShadow: s.boxShadow,
            background: s.backgroundColor,
            border: s.borderTopColor + " " + s.borderTopWidth,
        };
    };
}"""

_ACTIVE = """() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const r = el.getBoundingClientRect();
    return {
        id: el.dataset.kbd ?? null,
        name: el.outerHTML.slice(0, 120),
        style: window.__focusStyle(el),
        inViewport: r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
    };
}"""


# True on a page without `autofocus`, or once something has the focus.
_AUTOFOCUS_DONE = """() => !document.querySelector("[autofocus]")
    || (document.activeElement !== null && document.activeElement !== document.body)"""


def autofocus_applied(page):
    """Returns once a page with `autofocus` has put the focus somewhere.

    The browser does it at a drawing of its own after the page loads: a walk begun
    before then would have the focus taken back to the autofocused element half-way,
    and that element's look read focused as if it were unfocused.
    """
    page.wait_for_function(_AUTOFOCUS_DONE)


def keyboard_walk(page):
    """Tabs through the whole page and back to its start.

    Returns (focusable, stops, trapped): the elements a keyboard user should
    reach, each stop reached with how it looked, and whether focus failed to
    come back to the start (a keyboard trap).
    """
    autofocus_applied(page)
    page.evaluate(_FOCUS_STYLE)
    # Each element's look is read unfocused (an autofocused field would
    # otherwise be compared with itself), and the walk starts from the top.
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    focusable = page.evaluate(_MARK_FOCUSABLE)
    stops = []
    limit = len(focusable) + 5
    for _ in range(limit * 2):
        page.keyboard.press("Tab")
        active = page.evaluate(_ACTIVE)
        if active is None:
            # Focus left the document after the last element: the next Tab comes back.
            continue
        if stops and active["id"] == stops[0]["id"]:
            return focusable, stops, False
        stops.append(active)
        if len(stops) > limit:
            break
    return focusable, stops, True


def unreached_and_unfocused(focusable, stops):
    """From a keyboard walk: what Tab never reached, and what it reached with no visible focus."""
    reached = {stop["id"] for stop in stops}
    missed = [el["name"] for el in focusable if el["id"] not in reached]
    unfocused = {el["id"]: el["style"] for el in focusable}
    invisible = [
        stop["name"]
        for stop in stops
        if stop["id"] is None or not focus_is_visible(unfocused[stop["id"]], stop["style"])
    ]
    return missed, invisible


def focus_is_visible(unfocused, focused):
    """A focused element shows an outline or a ring of at least 2px, or changes colour."""
    if focused["outline"] >= 2 and (
        unfocused["outline"] < 2 or unfocused["outlineColor"] != focused["outlineColor"]
    ):
        return True
    return focused["boxShadow"] != "none" and focused["boxShadow"] != unfocused["boxShadow"]


_OVERFLOW = """() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const problems = [];
    if (root.scrollWidth > width) problems.push(`the page scrolls sideways: ${root.scrollWidth}px in ${width}px`);
    for (const el of document.body.querySelectorAll("*")) {
        const style = getComputedStyle(el);
        if (style.display === "none" || style.visibility === "hidden") continue;
        const rect = el.getBoundingClientRect();
        if (rect.width === 0 || rect.height === 0) continue;
        // Off-screen on purpose (the skip link until focused) is not cut off.
        if (rect.bottom <= 0) continue;
        const label = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
            + (el.className && typeof el.className === "string" ? "." + el.className.split(" ").join(".") : "");
        if (rect.right > width + 1 || rect.left < -1) {
            problems.push(`${label} runs off the screen (${Math.round(rect.left)}..${Math.round(rect.right)} of ${width}px)`);
        }
        const clips = ["hidden", "clip"].includes(style.overflowX) || ["hidden", "clip"].includes(style.overflowY);
        // Text for screen readers only (.visually-hidden) is clipped to nothing on purpose.
        const forScreenReaders = style.clipPath === "inset(50%)" && rect.width <= 1 && rect.height <= 1;
        if (clips && !forScreenReaders && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) {
            problems.push(`${label} cuts off its content`);
        }
    }
    return problems;
}"""


def reflow_problems(page):
    """What scrolls sideways, runs off the screen or is cut off at the page's current size."""
    return page.evaluate(_OVERFLOW)


def double_text_size(page):
    """Text at 200%: the root font size doubled, as a browser's text-only zoom does."""
    page.add_style_tag(content="html { font-size: 200% !important; }")


def as_json(value):
    return json.dumps(value, ensure_ascii=False, indent=1)


# How far the focused element's outline stands out from what is on each side
# of it (with its offset, the page shows on both sides of the ring): the
# lowest contrast ratio, measured at the middle of each edge.
_FOCUS_RING_CONTRAST = """() => {
    const parse = (c) => {
        const [r, g, b, a = 1] = c.match(/[\\d.]+/g).map(Number);
        return {r, g, b, a};
    };
    const luminance = ({r, g, b}) => {
        const f = (v) => (v /= 255) <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (x, y) => {
        const [high, low] = [luminance(x), luminance(y)].sort((p, q) => q - p);
        return (high + 0.05) / (low + 0.05);
    };
    const backgroundOf = (el) => {
        for (let e = el; e; e = e.parentElement) {
            const c = parse(getComputedStyle(e).backgroundColor);
            if (c.a > 0.5) return c;
        }
        return parse(getComputedStyle(document.documentElement).backgroundColor);
    };
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    const name = el.outerHTML.slice(0, 100);
    if (s.outlineStyle === "none") return {name, ratio: null};
    const r = el.getBoundingClientRect();
    const out = parseFloat(s.outlineOffset) + parseFloat(s.outlineWidth) / 2;
    const ring = parse(s.outlineColor);
    let lowest = null;
    for (const [x, y] of [
        [r.left - out, r.top + r.height / 2], [r.right + out, r.top + r.height / 2],
        [r.left + r.width / 2, r.top - out], [r.left + r.width / 2, r.bottom + out],
    ]) {
        if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
        // What shows under the ring: the first box there that is not the element itself.
        const under = document.elementsFromPoint(x, y).find((e) => e !== el && !el.contains(e));
        if (!under) continue;
        const value = ratio(ring, backgroundOf(under));
        if (lowest === null || value < lowest) lowest = value;
    }
    return {name, ratio: lowest === null ? null : Math.round(lowest * 100) / 100};
}"""


def focus_ring_contrasts(page):
    """Tabs through the page once: each focused element and its ring's lowest contrast ratio.

    The ratio is None where focus is shown some other way than an outline
    (focus_is_visible checks that) or the ring is off the screen.
    """
    autofocus_applied(page)
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    seen = []
    for _ in range(500):
        page.keyboard.press("Tab")
        ring = page.evaluate(_FOCUS_RING_CONTRAST)
        if ring is None:
            continue
        if seen and ring["name"] == seen[0]["name"]:
            return seen
        seen.append(ring)
    raise AssertionError("focus never came back to the start")


# The text spacing of WCAG 1.4.12 (the "text spacing bookmarklet"): what a
# reader's own style sheet may set, and the page must show without loss.
TEXT_SPACING = (
    "* { line-height: 1.5 !important; letter-spacing: 0.12em !important;"
    " word-spacing: 0.16em !important; }"
    " p { margin-bottom: 2em !important; }"
)


def space_text(page):
    page.add_style_tag(content=TEXT_SPACING)


_OVERLAPS = """() => {
    const boxes = [];
    const shown = (el) => el.checkVisibility() && !el.closest(".visually-hidden, .hp, .skip-link");
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.data.trim() || !shown(node.parentElement)) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of range.getClientRects()) {
            if (rect.width > 0 && rect.height > 0) {
                boxes.push({rect, el: node.parentElement, text: node.data.trim().slice(0, 40)});
            }
        }
    }
    for (const el of document.querySelectorAll("input:not([type=hidden]), select, textarea, button")) {
        const rect = el.getBoundingClientRect();
        if (shown(el) && rect.width > 0) boxes.push({rect, el, text: `<${el.tagName.toLowerCase()} ${el.name || el.id}>`});
    }
    const found = [];
    for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
            const [a, b] = [boxes[i], boxes[j]];
            if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
            // A file input lies transparent over its own button and status on purpose
            // (static/js/file-input.js): only text outside its wrapper counts.
            const covers = (x, y) => x.el.classList.contains("file-input__control") && x.el.parentElement.contains(y.el);
            if (covers(a, b) || covers(b, a)) continue;
            const across = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
            const down = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
            // More than a glyph's overhang: one text drawn over another.
            if (across > 2 && down > 4) found.push(`«${a.text}» overlaps «${b.text}»`);
        }
    }
    return found;
}"""


def overlapping_text(page):
    """Texts and controls drawn over one another."""
    return page.evaluate(_OVERLAPS)
