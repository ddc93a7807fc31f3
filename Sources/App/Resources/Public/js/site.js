// Small progressive enhancements only: every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("[data-print]")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }
  // Show the agent fields only when "有代理人" is ticked (they stay usable without JS).
  const agentToggle = document.querySelector("#f-hasAgent");
  const agentFields = document.querySelector("#agent-fields");
  if (agentToggle && agentFields) {
    const sync = () => { agentFields.hidden = !agentToggle.checked; };
    agentToggle.addEventListener("change", sync);
    sync();
  }
});
