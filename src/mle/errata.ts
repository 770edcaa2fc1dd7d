export function showErrata(ids: string[]): void {
  void ids;
}
