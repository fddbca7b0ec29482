import { Box, Image, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { focalFromClick, nudgeFocal, type Point } from '../logic/share-crop';

/**
 * The whole photo; a click sets the focal point (the part every crop keeps), the arrow keys move it. A focusable
 * slider-like control, so it works without a mouse too.
 */
export function FocalPointPicker({
  src,
  alt,
  value,
  onChange,
  disabled,
}: {
  src: string;
  alt: string;
  value: Point;
  onChange: (p: Point) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const percent = (v: number) => `${Math.round(v * 100)}%`;
  return (
    <Box>
      <div
        className="khao-focal"
        role="application"
        tabIndex={disabled ? -1 : 0}
        aria-label={t('media.focalLabel')}
        aria-describedby="focal-help"
        aria-disabled={disabled || undefined}
        data-testid="focal-picker"
        onClick={(e) => {
          if (disabled) return;
          onChange(focalFromClick(e.currentTarget.getBoundingClientRect(), { x: e.clientX, y: e.clientY }));
        }}
        onKeyDown={(e) => {
          if (disabled) return;
          const next = nudgeFocal(value, e.key);
          if (next) {
            e.preventDefault();
            onChange(next);
          }
        }}
      >
        <Image src={src} alt={alt} />
        <span className="khao-focal-mark" style={{ left: percent(value.x), top: percent(value.y) }} aria-hidden />
      </div>
      <Text id="focal-help" size="sm" mt={4} data-testid="focal-value">
        {t('media.focalHelp', { x: percent(value.x), y: percent(value.y) })}
      </Text>
    </Box>
  );
}
