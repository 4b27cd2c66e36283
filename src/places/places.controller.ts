import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, Roles } from 'src/common/auth/access.decorators';
import type { AuthenticatedUser } from 'src/common/auth/authenticated-user';
import { ApiPageResponse, type Page } from 'src/common/http/pagination';
import { CreatePlaceDto, ListPlacesQueryDto, mapPlace, mapPlaceRef, PlaceDetailDto, PlaceDto, UpdatePlaceDto } from 'src/places/dto/place.dto';
import { PlacesService } from 'src/places/places.service';

/** The gazetteer: readable by every signed-in user; staff who document add the organisation's places. */
@ApiTags('places')
@Controller('places')
export class PlacesController {
  constructor(private readonly places: PlacesService) {}

  @Get()
  @Authenticated()
  @ApiPageResponse(PlaceDto)
  async list(@Query() query: ListPlacesQueryDto): Promise<Page<PlaceDto>> {
    const page = await this.places.list(query);
    return { ...page, items: page.items.map((v) => mapPlace(v.entity, v.names, v.parent)) };
  }

  @Get(':placeId')
  @Authenticated()
  @ApiOkResponse({ type: PlaceDetailDto })
  async get(@Param('placeId', ParseUUIDPipe) placeId: string): Promise<PlaceDetailDto> {
    const v = await this.places.get(placeId);
    return { ...mapPlace(v.entity, v.names, v.parent), ancestors: v.ancestors.map(mapPlaceRef), childCount: v.childCount };
  }

  @Post()
  @Roles('admin', 'analyst', 'investigator')
  async create(@Body() body: CreatePlaceDto, @CurrentUser() actor: AuthenticatedUser): Promise<PlaceDto> {
    const v = await this.places.create(body, actor);
    return mapPlace(v.entity, v.names, v.parent);
  }

  @Patch(':placeId')
  @Roles('admin', 'analyst', 'investigator')
  async update(@Param('placeId', ParseUUIDPipe) placeId: string, @Body() body: UpdatePlaceDto, @CurrentUser() actor: AuthenticatedUser): Promise<PlaceDto> {
    const v = await this.places.update(placeId, body, actor);
    return mapPlace(v.entity, v.names, v.parent);
  }
}
