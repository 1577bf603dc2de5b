// A value in [0, 1] as a bar with its number: the meter element gives screen readers the value too.
export function Bar(props: { readonly label: string; readonly value: number }) {
  const value = Math.max(0, Math.min(1, props.value));
  return (
    <div class="bar">
      <span class="bar-label">{props.label}</span>
      <meter min={0} max={1} value={value} aria-label={props.label} />
      <span class="bar-value">{value.toFixed(2)}</span>
    </div>
  );
}
