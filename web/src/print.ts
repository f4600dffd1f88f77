// Printed pages show the tables in place of the graphics: every details element opens for
// printing and closes again afterwards. Returns a function that removes the listeners.
export function openDetailsWhenPrinting(): () => void {
  let opened: HTMLDetailsElement[] = []
  const before = () => {
    opened = [...document.querySelectorAll<HTMLDetailsElement>('details:not([open])')]
    for (const details of opened) details.open = true
  }
  const after = () => {
    for (const details of opened) details.open = false
    opened = []
  }
  window.addEventListener('beforeprint', before)
  window.addEventListener('afterprint', after)
  return () => {
    window.removeEventListener('beforeprint', before)
    window.removeEventListener('afterprint', after)
  }
}
