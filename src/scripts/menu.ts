/**
 * The main menu on a narrow screen: folded behind the «Meny» button, which says whether it is open
 * (aria-expanded). Without script the button stays hidden and the menu open; on a wide screen the
 * stylesheet hides the button and shows the menu whatever its state (src/styles/navigation.css).
 */
export function foldMenu(): void {
  const button = document.querySelector<HTMLButtonElement>(".main-menu .menu-button");
  if (!button) return;
  button.hidden = false;
  document.documentElement.classList.add("menu-folds");
  button.addEventListener("click", () => button.setAttribute("aria-expanded", String(button.getAttribute("aria-expanded") !== "true")));
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
      button.setAttribute("aria-expanded", "false");
      button.focus();
    }
  });
}
