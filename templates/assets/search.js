// Search with Pagefind: only the index fragments a query needs are downloaded.
(function () {
  var form = document.getElementById("search-form");
  var input = document.getElementById("q");
  var list = document.getElementById("results");
  var note = document.getElementById("search-note");
  // The site root, from the stylesheet's relative link: the site works under any path.
  var root = new URL(document.querySelector('link[rel="stylesheet"]').getAttribute("href").replace("assets/style.css", "") || "./", location.href);
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
  async function run(q) {
    list.textContent = "";
    if (!q) return;
    var pf;
    try { pf = await load(); } catch (e) { note.hidden = false; list.setAttribute("data-count", "unavailable"); return; }
    var search = await pf.search(q);
    var results = await Promise.all(search.results.slice(0, 20).map(function (r) { return r.data(); }));
    results.forEach(function (r) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = r.url;
      a.textContent = (r.meta && r.meta.title) || r.url;
      var p = document.createElement("p");
      p.innerHTML = r.excerpt; // Pagefind's excerpt: escaped text with <mark> highlights
      li.appendChild(a);
      li.appendChild(p);
      list.appendChild(li);
    });
    list.setAttribute("data-count", String(results.length));
  }
  form.addEventListener("submit", function (e) { e.preventDefault(); run(input.value.trim()); });
  var q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; run(q); }
})();
