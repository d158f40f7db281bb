/** A group of checkboxes over a controlled list: the codes picked, in the list's order. */
export function Choices({ legend, name, options, picked, onChange }: { legend: string; name: string; options: ReadonlyArray<readonly [code: string, label: string]>; picked: readonly string[]; onChange: (codes: string[]) => void }) {
  const toggle = (code: string, on: boolean) => onChange(options.map(([option]) => option).filter((option) => (option === code ? on : picked.includes(option))));
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map(([code, label]) => (
        <label key={code} className="check">
          <input type="checkbox" name={name} value={code} checked={picked.includes(code)} onChange={(event) => toggle(code, event.target.checked)} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
