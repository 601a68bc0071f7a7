// Search with Pagefind: only the index fragments a query needs are downloaded. Opened from files
// (file://), where the browser fetches nothing, the page loads the records' text as scripts
// (pagefind/offline-N.js) and matches the words in it instead.
(function () {
  var form = document.getElementById("search-form");
  var input = document.getElementById("q");
  var list = document.getElementById("results");
  var note = document.getElementById("search-note");
  var offlineNote = document.getElementById("search-offline");
  // The site root, from the stylesheet's relative link: the site works under any path.
  var root = new URL(document.querySelector('link[rel="stylesheet"]').getAttribute("href").replace("assets/style.css", "") || "./", location.href);
  var offline = location.protocol === "file:";
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
      rows = [].concat.apply([], window.clerkSearch || []);
    }
    return rows;
  }
  // Every word of the query must appear (case aside); a match in the title ranks first.
  function matches(q, rows) {
    var words = q.toLowerCase().split(/\s+/).filter(Boolean);
    var found = [];
    rows.forEach(function (row) {
      var title = row[1].toLowerCase(), text = row[2].toLowerCase();
      if (!words.every(function (w) { return title.indexOf(w) >= 0 || text.indexOf(w) >= 0; })) return;
      var inTitle = words.filter(function (w) { return title.indexOf(w) >= 0; }).length;
      found.push({ row: row, rank: inTitle, at: text.indexOf(words[0]), word: words[0] });
    });
    found.sort(function (a, b) { return b.rank - a.rank; });
    return found;
  }
  // A line of the text around the first word, the word marked. Text nodes only: nothing in a
  // record's text is ever read as markup.
  function excerpt(hit) {
    var p = document.createElement("p");
    var text = hit.row[2];
    if (hit.at < 0) { p.textContent = text.slice(0, 120); return p; }
    var from = Math.max(0, hit.at - 60), to = Math.min(text.length, hit.at + hit.word.length + 60);
    p.appendChild(document.createTextNode((from > 0 ? "…" : "") + text.slice(from, hit.at)));
    var mark = document.createElement("mark");
    mark.textContent = text.slice(hit.at, hit.at + hit.word.length);
    p.appendChild(mark);
    p.appendChild(document.createTextNode(text.slice(hit.at + hit.word.length, to) + (to < text.length ? "…" : "")));
    return p;
  }
  // One result: a link to the record, its title as text, and the excerpt under it.
  function show(url, title, excerpt) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = url;
    a.textContent = title;
    li.appendChild(a);
    li.appendChild(excerpt);
    list.appendChild(li);
  }
  async function runOffline(q) {
    offlineNote.hidden = false;
    var all;
    try { all = await loadOffline(); } catch (e) { note.hidden = false; list.setAttribute("data-count", "unavailable"); return; }
    var hits = matches(q, all).slice(0, 20);
    hits.forEach(function (hit) { show(new URL(hit.row[0], root).href, hit.row[1] || hit.row[0], excerpt(hit)); });
    list.setAttribute("data-count", String(hits.length));
  }
  async function run(q) {
    list.textContent = "";
    if (!q) return;
    if (offline) return runOffline(q);
    var pf;
    try { pf = await load(); } catch (e) { note.hidden = false; list.setAttribute("data-count", "unavailable"); return; }
    var search = await pf.search(q);
    var results = await Promise.all(search.results.slice(0, 20).map(function (r) { return r.data(); }));
    results.forEach(function (r) {
      var p = document.createElement("p");
      p.innerHTML = r.excerpt; // Pagefind's excerpt: escaped text with <mark> highlights
      show(r.url, (r.meta && r.meta.title) || r.url, p);
    });
    list.setAttribute("data-count", String(results.length));
  }
  form.addEventListener("submit", function (e) { e.preventDefault(); run(input.value.trim()); });
  var q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; run(q); }
})();
