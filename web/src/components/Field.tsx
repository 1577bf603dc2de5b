// A labelled input with the API's messages for its path beside it; aria-invalid and aria-describedby tie the
// messages to the input for screen readers.
import type { ComponentChildren } from "preact";

export function fieldId(path: string): string {
  return "f-" + path.replace(/[^A-Za-z0-9_-]/g, "_");
}

interface FieldProps {
  readonly path: string;
  readonly label: string;
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly errors?: readonly string[] | undefined;
  readonly type?: "text" | "date" | "number" | "password" | "url";
  readonly required?: boolean;
  readonly inputMode?: "text" | "numeric" | "decimal";
  readonly autoComplete?: string;
}

export function Field(props: FieldProps) {
  const id = fieldId(props.path);
  const errors = props.errors ?? [];
  return (
    <div class={errors.length > 0 ? "field invalid" : "field"}>
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name={props.path}
        // Preact's types split inputs by type; none of those given here takes a role or a list.
        type={(props.type === "number" ? "text" : (props.type ?? "text")) as "text"}
        inputMode={props.type === "number" ? (props.inputMode ?? "decimal") : props.inputMode}
        value={props.value}
        required={props.required}
        autoComplete={props.autoComplete ?? "off"}
        aria-invalid={errors.length > 0 ? "true" : undefined}
        aria-describedby={errors.length > 0 ? `${id}-errors` : undefined}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      <FieldErrors id={`${id}-errors`} errors={errors} />
    </div>
  );
}

interface CheckProps {
  readonly path: string;
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly errors?: readonly string[] | undefined;
}

export function Check(props: CheckProps) {
  const id = fieldId(props.path);
  const errors = props.errors ?? [];
  return (
    <div class={errors.length > 0 ? "field check invalid" : "field check"}>
      <input
        id={id}
        name={props.path}
        type="checkbox"
        checked={props.checked}
        aria-invalid={errors.length > 0 ? "true" : undefined}
        aria-describedby={errors.length > 0 ? `${id}-errors` : undefined}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <label for={id}>{props.label}</label>
      <FieldErrors id={`${id}-errors`} errors={errors} />
    </div>
  );
}

interface SelectProps {
  readonly path: string;
  readonly label: string;
  readonly value: string;
  readonly options: readonly (readonly [string, string])[];
  readonly onChange: (value: string) => void;
  readonly errors?: readonly string[] | undefined;
}

export function Select(props: SelectProps) {
  const id = fieldId(props.path);
  const errors = props.errors ?? [];
  return (
    <div class={errors.length > 0 ? "field invalid" : "field"}>
      <label for={id}>{props.label}</label>
      <select
        id={id}
        name={props.path}
        value={props.value}
        aria-invalid={errors.length > 0 ? "true" : undefined}
        aria-describedby={errors.length > 0 ? `${id}-errors` : undefined}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      <FieldErrors id={`${id}-errors`} errors={errors} />
    </div>
  );
}

export function FieldErrors(props: { readonly id: string; readonly errors: readonly string[] }) {
  if (props.errors.length === 0) {
    return null;
  }
  return (
    <ul class="errors" id={props.id}>
      {props.errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

/** A status line read out by screen readers when it changes. */
export function Status(props: { readonly kind: "info" | "error"; readonly children: ComponentChildren }) {
  return (
    <p class={`status ${props.kind}`} role={props.kind === "error" ? "alert" : "status"}>
      {props.children}
    </p>
  );
}
