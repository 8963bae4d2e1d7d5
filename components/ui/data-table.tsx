import type { ReactNode, TdHTMLAttributes } from "react";

export type Column = {
  label: ReactNode;
  align?: "left" | "right";
  /** Read to screen readers only (a column of buttons needs a name, not a visible heading). */
  hidden?: boolean;
};

export type DataTableProps = {
  /** Says what the rows are; read by screen readers (the page's heading says it on screen). */
  caption: string;
  columns: Column[];
  /** The rows: `<tr>` elements, their cells `<Cell>`. */
  children?: ReactNode;
  /** Below this width the table scrolls sideways inside its frame instead of squeezing columns. */
  minWidth?: "sm" | "md";
  /** Classes on the body, e.g. a monospace font for ids and amounts. */
  bodyClassName?: string;
  footer?: ReactNode;
};

const MIN_WIDTH = { sm: "min-w-full", md: "w-full min-w-[760px]" } as const;

/** A table in a bordered frame that scrolls sideways on narrow screens, with column headings. */
export function DataTable({ caption, columns, children, minWidth = "sm", bodyClassName = "", footer }: DataTableProps) {
  return (
    <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white shadow-sm">
      <table className={`${MIN_WIDTH[minWidth]} divide-y divide-gray-200 text-sm`}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-gray-50">
          <tr>
            {columns.map((c, i) => (
              <th
                key={i}
                scope="col"
                className={`px-3 py-2 text-xs font-semibold uppercase tracking-wide text-muted ${c.align === "right" ? "text-right" : "text-left"}`}
              >
                {c.hidden ? <span className="sr-only">{c.label}</span> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={`divide-y divide-gray-100 ${bodyClassName}`}>{children}</tbody>
      </table>
      {footer}
    </div>
  );
}

type CellProps = TdHTMLAttributes<HTMLTableCellElement> & { align?: "left" | "right"; nowrap?: boolean };

/** A body cell with the table's padding. */
export function Cell({ align = "left", nowrap = false, className = "", children, ...rest }: CellProps) {
  const classes = ["px-3 py-2", align === "right" ? "text-right" : "", nowrap ? "whitespace-nowrap" : "", className];
  return (
    <td className={classes.filter(Boolean).join(" ")} {...rest}>
      {children}
    </td>
  );
}
