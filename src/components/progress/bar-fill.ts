/** Sets a ProgressBar's fill (the `.fill` rect inside `root`) to a share from 0 to 1. */
export function setBar(root: ParentNode, share: number): void {
  root.querySelector('.progress-bar .fill')?.setAttribute('width', String(Math.round(Math.min(1, Math.max(0, share)) * 100)));
}
