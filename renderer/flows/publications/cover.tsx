/**
 * A publication's cover: the scanned image when the catalogue has one, else a plain cover in its colour with a
 * book's spine line (the sample catalogue has no images). Decorative: the title is always written beside it.
 */
export function CoverSwatch({
  colour,
  imageUrl = null,
  size,
}: {
  colour: string;
  imageUrl?: string | null;
  size: 'small' | 'large';
}) {
  const className = `pubs__cover pubs__cover--${size}`;
  if (imageUrl) return <img className={className} src={imageUrl} alt="" aria-hidden="true" />;
  return (
    <span
      className={className}
      style={{ backgroundColor: colour }}
      aria-hidden="true"
      data-testid="pubs-cover"
    >
      <span className="pubs__cover-spine" />
    </span>
  );
}
