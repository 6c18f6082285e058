// While an editor is signed in: ask before a reload or closing the tab throws away text typed into a form
// on the page that has not been saved since. Streamlit keeps the sign-in and every typed value in the
// server's session, which a reload ends. The app puts this script after `const saves = N;`, N counting the
// session's saves: a new count means the last save went through, so what was typed before it is kept.
// The guard holds while the app shows its marker (#osparat-vakt), i.e. while an editor is signed in.
(() => {
  const w = window;
  if (w.__osparatSaves !== saves) {
    w.__osparatSaves = saves;
    w.__osparat = false;
  }
  if (w.__osparatInstalled) return;
  w.__osparatInstalled = true;
  const typed = (event) => {
    const target = event.target;
    if (target instanceof Element && target.closest('[data-testid="stMain"] [data-testid="stForm"]')) {
      w.__osparat = true;
    }
  };
  document.addEventListener("input", typed, true);
  document.addEventListener("change", typed, true);
  w.addEventListener("beforeunload", (event) => {
    if (w.__osparat && document.getElementById("osparat-vakt")) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();
