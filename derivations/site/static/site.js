// Step-by-step reveal of a derivation page. Without JavaScript every step shows;
// with it, the steps appear one at a time (buttons, or the ← and → keys).
(function () {
  "use strict";
  var article = document.getElementById("derivation");
  if (!article) { return; }
  var steps = Array.prototype.slice.call(article.querySelectorAll("li.step"));
  var controls = document.getElementById("controls");
  var counter = document.getElementById("step-counter");
  var label = article.getAttribute("data-step-label");
  var shown = steps.length ? 1 : 0;

  function update() {
    steps.forEach(function (step, i) { step.hidden = i >= shown; });
    counter.textContent = label.replace("{n}", String(shown))
                               .replace("{total}", String(steps.length));
    document.getElementById("prev-step").disabled = shown <= 1;
    document.getElementById("next-step").disabled = shown >= steps.length;
    article.setAttribute("data-shown", String(shown));
  }
  function move(delta) {
    shown = Math.max(Math.min(shown + delta, steps.length), Math.min(1, steps.length));
    update();
    if (delta > 0 && steps[shown - 1]) { steps[shown - 1].scrollIntoView({block: "nearest"}); }
  }
  document.getElementById("next-step").addEventListener("click", function () { move(1); });
  document.getElementById("prev-step").addEventListener("click", function () { move(-1); });
  document.getElementById("all-steps").addEventListener("click", function () {
    shown = steps.length; update();
  });
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    if (event.key === "ArrowRight") { move(1); event.preventDefault(); }
    if (event.key === "ArrowLeft") { move(-1); event.preventDefault(); }
  });
  controls.hidden = false;
  update();
})();
