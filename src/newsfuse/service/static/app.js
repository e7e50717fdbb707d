// Citation previews on the event page. Without JavaScript a citation is a plain link to the
// article page with the passage marked; with it, the passage is shown in place first.
(function () {
  "use strict";
  const box = document.getElementById("preview");
  if (!box) return;

  function close() { box.hidden = true; box.textContent = ""; }

  async function preview(link) {
    const url = new URL(link.href);
    const api = "/api/articles/" + encodeURIComponent(link.dataset.article) +
      "/passage?" + new URLSearchParams({cite: url.searchParams.get("cite") || ""});
    const response = await fetch(api, {headers: {Accept: "application/json"}});
    if (!response.ok) { window.location.href = link.href; return; }
    const data = await response.json();
    box.textContent = "";
    const heading = document.createElement("strong");
    heading.textContent = (data.outlet ? data.outlet + ": " : "") + (data.title || data.article_id);
    const quote = document.createElement("blockquote");
    const mark = document.createElement("mark");
    mark.className = "passage";
    mark.textContent = data.passage || "(no sentence of this article matches closely)";
    quote.appendChild(mark);
    const open = document.createElement("a");
    open.href = link.href;
    open.textContent = "Open the article at this passage";
    const shut = document.createElement("button");
    shut.type = "button";
    shut.className = "secondary";
    shut.textContent = "Close";
    shut.addEventListener("click", close);
    box.append(heading, quote, open, document.createTextNode(" "), shut);
    box.hidden = false;
  }

  document.addEventListener("click", function (event) {
    const link = event.target.closest("a.cite[data-article]");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    preview(link).catch(function () { window.location.href = link.href; });
  });
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") close(); });
})();
