// Search with Pagefind: only the index fragments a query needs are downloaded. Opened from files
// (file://), where the browser fetches nothing, the page loads the records' text as scripts
// (pagefind/offline-N.js) and matches the words in it instead. Either way the query is folded
// to Simplified with the table of pagefind/fold.js (the index holds each text folded), so
// 会议 finds 會議 and 會議 finds 会议.
(function () {
  var form = document.getElementById("search-form");
  var input = document.getElementById("q");
  var list = document.getElementById("results");
  var count = document.getElementById("search-count");
  var more = document.getElementById("search-more");
  var note = document.getElementById("search-note");
  var offlineNote = document.getElementById("search-offline");
  var PAGE = 20;
  // The site root, from the stylesheet's relative link: the site works under any path.
  var root = new URL(document.querySelector('link[rel="stylesheet"]').getAttribute("href").replace("assets/style.css", "") || "./", location.href);
  var offline = location.protocol === "file:";
  var table = window.clerkFold || {};
  // One character for one: positions in the folded text are positions in the text as written.
  function fold(s) {
    var out = "";
    for (var i = 0; i < s.length; i++) { var c = s.charAt(i); out += table[c] || c; }
    return out.toLowerCase();
  }
  var pagefind = null;
  async function load() {
    if (!pagefind) {
      pagefind = await import(new URL("pagefind/pagefind.js", root).href);
      await pagefind.options({ baseUrl: root.pathname });
      // A large archive's index comes in parts, each searched with the first.
      var parts = await fetch(new URL("pagefind/parts.json", root)).then(function (r) { return r.ok ? r.json() : []; }, function () { return []; });
      for (var i = 0; i < parts.length; i++) {
        await pagefind.mergeIndex(new URL("pagefind/" + parts[i], root).pathname, { baseUrl: root.pathname });
      }
    }
    return pagefind;
  }
  function script(src) {
    return new Promise(function (ok, fail) {
      var s = document.createElement("script");
      s.src = src;
      s.onload = ok;
      s.onerror = fail;
      document.head.appendChild(s);
    });
  }
  var rows = null;
  async function loadOffline() {
    if (!rows) {
      await script(new URL("pagefind/offline.js", root).href);
      for (var i = 0; i < (window.clerkSearchParts || 0); i++) {
        await script(new URL("pagefind/offline-" + i + ".js", root).href);
      }
      rows = [].concat.apply([], window.clerkSearch || []).map(function (row) {
        return { url: row[0], title: row[1], kind: row[3], date: row[4], body: row[5], folded: fold(row[1]) + "\n" + fold(row[2]) };
      });
    }
    return rows;
  }
  function words(q) { return fold(q).split(/\s+/).filter(Boolean); }
  // Every word of the query must appear (folded, case aside); a match in the title ranks first.
  function matches(q, rows) {
    var ws = words(q);
    var found = rows.filter(function (row) { return ws.every(function (w) { return row.folded.indexOf(w) >= 0; }); });
    function rank(row) { var t = fold(row.title); return ws.filter(function (w) { return t.indexOf(w) >= 0; }).length; }
    found.sort(function (a, b) { return rank(b) - rank(a); });
    return found;
  }
  // The body around the first word of the query found in it, the word marked; the body's start
  // when no word is in it. Text nodes only: nothing in a record's text is ever read as markup.
  function excerpt(body, q) {
    var p = document.createElement("p");
    body = body || "";
    var folded = fold(body), at = -1, word = "";
    words(q).some(function (w) { at = folded.indexOf(w); word = w; return at >= 0; });
    if (at < 0) { p.textContent = body.length > 120 ? body.slice(0, 120) + "…" : body; return p; }
    var from = Math.max(0, at - 60), to = Math.min(body.length, at + word.length + 60);
    p.appendChild(document.createTextNode((from > 0 ? "…" : "") + body.slice(from, at)));
    var mark = document.createElement("mark");
    mark.textContent = body.slice(at, at + word.length);
    p.appendChild(mark);
    p.appendChild(document.createTextNode(body.slice(at + word.length, to) + (to < body.length ? "…" : "")));
    return p;
  }
  // One result: a link to the record, its title as text, its type and date, and the excerpt.
  function show(hit, q) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = hit.url;
    a.textContent = hit.title || hit.url;
    li.appendChild(a);
    var about = [hit.kind, hit.date].filter(Boolean).join(" · ");
    if (about) {
      var small = document.createElement("small");
      small.className = "result-about";
      small.textContent = " " + about;
      li.appendChild(small);
    }
    if (hit.body) li.appendChild(excerpt(hit.body, q));
    list.appendChild(li);
  }
  // The results a page at a time: `next(n)` gives the next n hits (a promise), "more" asks again.
  var session = 0;
  function present(total, next, q) {
    var shown = 0, mine = session;
    count.textContent = total ? count.getAttribute("data-found").replace("{n}", String(total)) : count.getAttribute("data-none");
    async function page() {
      more.hidden = true;
      var hits = await next(shown, PAGE);
      if (mine !== session) return;
      hits.forEach(function (hit) { show(hit, q); });
      shown += hits.length;
      more.hidden = shown >= total;
      list.setAttribute("data-count", String(shown));
      list.setAttribute("data-total", String(total));
    }
    more.onclick = page;
    return page();
  }
  function unavailable() {
    note.hidden = false;
    list.setAttribute("data-count", "unavailable");
  }
  async function run(q) {
    session++;
    list.textContent = "";
    count.textContent = "";
    more.hidden = true;
    list.removeAttribute("data-count");
    if (!q) return;
    if (offline) {
      offlineNote.hidden = false;
      var all;
      try { all = await loadOffline(); } catch (e) { return unavailable(); }
      var hits = matches(q, all);
      return present(hits.length, function (from, n) {
        return Promise.resolve(hits.slice(from, from + n).map(function (row) { return { url: new URL(row.url, root).href, title: row.title, kind: row.kind, date: row.date, body: row.body }; }));
      }, q);
    }
    var pf;
    try { pf = await load(); } catch (e) { return unavailable(); }
    var search = await pf.search(fold(q));
    return present(search.results.length, async function (from, n) {
      var data = await Promise.all(search.results.slice(from, from + n).map(function (r) { return r.data(); }));
      return data.map(function (r) {
        var m = r.meta || {};
        return { url: r.url, title: m.title || r.url, kind: m.kind, date: m.date, body: m.body };
      });
    }, q);
  }
  form.addEventListener("submit", function (e) { e.preventDefault(); run(input.value.trim()); });
  var q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; run(q); }
})();
