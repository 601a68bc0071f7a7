// A 公文 printed: its 版記 at the foot of the last page (GB/T 9704). Printed, the paper is a
// whole number of 版心 tall with the 版記 at its foot (document.css); this counts how many 版心
// the document fills, and the room the 版記 takes. Without it a one-page document prints right
// and a longer one has its 版記 after the body.
(() => {
  const paper = document.querySelector(".paper-document");
  const colophon = paper && paper.querySelector(":scope > .colophon");
  if (!colophon) return;
  const print = matchMedia("print");
  const px = (css) => {
    const probe = document.createElement("div");
    probe.style.cssText = `position:absolute;visibility:hidden;height:${css}`;
    paper.append(probe);
    const h = probe.getBoundingClientRect().height;
    probe.remove();
    return h;
  };
  function fit() {
    const style = paper.style;
    if (!print.matches) {
      style.removeProperty("--sheets");
      style.removeProperty("--colophon-room");
      return;
    }
    const sheet = px("225mm");
    const line = px("var(--pitch)");
    style.setProperty("--colophon-room", `${colophon.getBoundingClientRect().height + 2 * line}px`);
    style.setProperty("--sheets", "0");
    const height = paper.getBoundingClientRect().height;
    // A page may end up to a line short of its 版心 where a line or a block does not fit.
    let sheets = Math.max(1, Math.ceil(height / sheet));
    while (height + (sheets - 1) * line > sheets * sheet) sheets += 1;
    style.setProperty("--sheets", String(sheets));
  }
  print.addEventListener("change", fit);
  addEventListener("beforeprint", fit);
  fit();
  document.fonts.ready.then(fit);
})();
