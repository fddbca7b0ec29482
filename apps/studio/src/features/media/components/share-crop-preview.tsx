import { AspectRatio, Box, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { cropStyle, shareCrop, SHARE_FRAME, type Point } from '../logic/share-crop';

/** The 1200×630 share image (Facebook, X, LINE cards) as the focal point will make it, updated as it moves. */
export function ShareCropPreview({
  src,
  width,
  height,
  focal,
}: {
  src: string;
  width: number;
  height: number;
  focal: Point;
}) {
  const { t } = useTranslation();
  const style = cropStyle(shareCrop(width, height, focal));
  return (
    <Box>
      <Text size="sm" fw={700} id="share-preview-label">
        {t('media.sharePreview')}
      </Text>
      <AspectRatio ratio={SHARE_FRAME.width / SHARE_FRAME.height} className="khao-share-crop" data-testid="share-crop">
        <div>
          <img src={src} alt="" style={{ position: 'absolute', maxWidth: 'none', ...style }} data-crop={style.left} />
        </div>
      </AspectRatio>
    </Box>
  );
}
