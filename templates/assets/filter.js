// Filters a record index by year, department and status (the page works without it too).
(function () {
  var selects = document.querySelectorAll("select[data-filter]");
  function apply() {
    var rows = document.querySelectorAll("table.records tbody tr");
    rows.forEach(function (row) {
      var show = true;
      selects.forEach(function (s) {
        if (s.value && row.dataset[s.dataset.filter] !== s.value) show = false;
      });
      row.hidden = !show;
    });
  }
  selects.forEach(function (s) { s.addEventListener("change", apply); });
})();
