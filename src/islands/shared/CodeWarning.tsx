// Under a new case code: write it down, there is no other way back in. The points differ
// a little between a question and a booking; the warning itself is the same.
export function CodeWarning({ heading, points }: { heading: string; points: readonly string[] }) {
  return (
    <div class="achterom-callout achterom-callout--warning utrecht-alert utrecht-alert--warning">
      <p>
        <strong>{heading}</strong>
      </p>
      <ul>
        {points.map((point) => (
          <li key={point}>{point}</li>
        ))}
      </ul>
    </div>
  );
}
